package io.bacalhau.core.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes real plugin jars and zips for tests: Java sources are compiled with javac against the test
 * classpath (so against this build's core), then packed with a PF4J manifest or plugin.properties.
 * Descriptor entries can be removed or broken to build each kind of bad plugin.
 */
public final class PluginBuilder {
  private final Map<String, String> descriptor = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<Path> libraries = new ArrayList<>();
  private final List<String> omitted = new ArrayList<>();
  private final String fileName;

  private PluginBuilder(String id) {
    this.fileName = id;
    descriptor.put("Plugin-Id", id);
    descriptor.put("Plugin-Version", "1.0.0");
    descriptor.put("Plugin-Provider", "Example Co");
    descriptor.put("Plugin-Description", "A test plugin");
    descriptor.put("Plugin-Requires", ">=0.1.0");
  }

  public static PluginBuilder plugin(String id) {
    return new PluginBuilder(id);
  }

  public String id() {
    return descriptor.get("Plugin-Id");
  }

  /** Sets a descriptor entry, e.g. {@code Plugin-Requires}; a null value removes it. */
  public PluginBuilder descriptor(String key, String value) {
    if (value == null) {
      descriptor.remove(key);
    } else {
      descriptor.put(key, value);
    }
    return this;
  }

  /** A class to compile into the plugin. */
  public PluginBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** A line of {@code META-INF/services/<spi>}. */
  public PluginBuilder service(Class<?> spi, String className) {
    services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).add(className);
    return this;
  }

  /** A raw file in the plugin's jar. */
  public PluginBuilder file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A compiled class left out of the jar (to break a plugin with a missing class). */
  public PluginBuilder omitClass(String className) {
    omitted.add(className.replace('.', '/') + ".class");
    return this;
  }

  /** A library jar bundled in the zip's {@code lib/} folder. */
  public PluginBuilder library(Path jar) {
    libraries.add(jar);
    return this;
  }

  /**
   * Writes {@code dir/<id>.jar} (the id it was created with): the classes with the descriptor in
   * its manifest.
   */
  public Path jar(Path dir) {
    Path jar = dir.resolve(fileName + ".jar");
    writeJar(jar, true);
    return jar;
  }

  /** Writes {@code dir/<id>.zip}: plugin.properties and lib/ with the plugin jar and libraries. */
  public Path zip(Path dir) {
    try {
      Path work = Files.createTempDirectory("plugin-build");
      Path inner = work.resolve(fileName + ".jar");
      writeJar(inner, false);
      Path zip = dir.resolve(fileName + ".zip");
      Files.createDirectories(dir);
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        out.putNextEntry(new ZipEntry("plugin.properties"));
        StringBuilder props = new StringBuilder();
        descriptor.forEach(
            (k, v) ->
                props
                    .append(k.replace("Plugin-", "plugin.").toLowerCase(java.util.Locale.ROOT))
                    .append('=')
                    .append(v)
                    .append('\n'));
        out.write(props.toString().getBytes(StandardCharsets.UTF_8));
        out.putNextEntry(new ZipEntry("lib/"));
        out.putNextEntry(new ZipEntry("lib/" + inner.getFileName()));
        Files.copy(inner, out);
        for (Path library : libraries) {
          out.putNextEntry(new ZipEntry("lib/" + library.getFileName()));
          Files.copy(library, out);
        }
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeJar(Path jar, boolean withDescriptor) {
    try {
      Path classes = compile();
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      if (withDescriptor) {
        descriptor.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
      }
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
        try (Stream<Path> walk = Files.walk(classes)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            String name = classes.relativize(file).toString().replace('\\', '/');
            if (!omitted.contains(name)) {
              entry(out, name, Files.readAllBytes(file));
            }
          }
        }
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
          String lines = String.join("\n", service.getValue()) + "\n";
          entry(
              out, "META-INF/services/" + service.getKey(), lines.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          entry(out, file.getKey(), file.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  // javac takes a while; the same sources (e.g. the exec plugin in many tests) compile once.
  private static final Map<Map<String, String>, Path> COMPILED = new ConcurrentHashMap<>();

  private Path compile() throws IOException {
    Map<String, String> key = Map.copyOf(sources);
    Path cached = COMPILED.get(key);
    if (cached != null) {
      return cached;
    }
    Path classes = javac();
    COMPILED.put(key, classes);
    return classes;
  }

  private Path javac() throws IOException {
    Path src = Files.createTempDirectory("plugin-src");
    Path classes = Files.createTempDirectory("plugin-classes");
    if (sources.isEmpty()) {
      return classes;
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "-proc:none",
                "-nowarn",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code =
        javac.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException(
          "test plugin " + id() + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }
    return classes;
  }
}
