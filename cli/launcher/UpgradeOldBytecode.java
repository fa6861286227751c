import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Rewrites the classes of a jar that were compiled for Java 5 or older (picocli's are) as Java 8
 * class files, with the stack maps the JDK's class file API computes. The JVM keeps classes that
 * old out of class-data archives and AOT caches, so without this every start of the CLI reads and
 * verifies picocli's 228 classes anew. Run by the launcher after a build, in source-file mode:
 * {@code java UpgradeOldBytecode.java JAR}; the jar is replaced only when the rewrite succeeded.
 */
public final class UpgradeOldBytecode {
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewritten");
    int upgraded = 0;
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        JarFile in = new JarFile(jar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(rewritten))) {
      // Stack maps need the common superclass of two types: the jar's own classes are read from it.
      ClassFile classFile =
          ClassFile.of(
              ClassFile.ClassHierarchyResolverOption.of(
                  ClassHierarchyResolver.defaultResolver()
                      .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
      for (JarEntry entry : Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(entry).readAllBytes();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          ClassModel model = classFile.parse(bytes);
          if (model.majorVersion() < JAVA_8) {
            bytes = classFile.transformClass(model, toJava8());
            upgraded++;
          }
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(jar.getFileName() + ": " + upgraded + " classes upgraded");
  }

  /** Every method body is written again (which adds its stack map) under the new version. */
  private static ClassTransform toJava8() {
    ClassTransform version =
        (builder, element) -> {
          if (element instanceof ClassFileVersion) {
            builder.withVersion(JAVA_8, 0);
          } else {
            builder.with(element);
          }
        };
    return ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(version);
  }
}
