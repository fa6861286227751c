package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.NetworkType;
import io.bacalhau.core.models.PortMapping;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Bacalhau's network rules: domains only for HTTP, ports only for Host/Bridge, sane ports. */
final class NetworkValidator {
  private static final Pattern DOMAIN =
      Pattern.compile(
          "\\.?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PORT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_PORT_NAME = 237;

  private NetworkValidator() {}

  static void validate(NetworkConfig n, String path, List<SpecProblem> problems) {
    Optional<NetworkType> parsed = NetworkType.parse(n.type());
    if (parsed.isEmpty()) {
      problems.add(
          new SpecProblem(
              path + ".Type",
              "invalid network type: \""
                  + TreeKinds.shorten(n.type())
                  + "\" (valid: Default, None, Host, HTTP, Bridge)"));
      return;
    }
    NetworkType type = parsed.get();
    if (!n.domains().isEmpty() && type != NetworkType.HTTP) {
      problems.add(
          new SpecProblem(path + ".Domains", "domains can only be set with network type HTTP"));
    }
    for (int i = 0; i < n.domains().size(); i++) {
      String d = n.domains().get(i).strip();
      if (d.length() > 253 || !(DOMAIN.matcher(d).matches() || isIp(d))) {
        problems.add(
            new SpecProblem(
                path + ".Domains[" + i + "]",
                "invalid domain \""
                    + TreeKinds.shorten(d)
                    + "\" (a host name like example.com,"
                    + " .example.com for its subdomains, or an IP address)"));
      }
    }
    if (!n.ports().isEmpty() && !type.allowsPorts()) {
      problems.add(
          new SpecProblem(
              path + ".Ports", "ports can only be set with network type Host or Bridge"));
    }
    validatePorts(n.ports(), type, path + ".Ports", problems);
  }

  private static void validatePorts(
      List<PortMapping> ports, NetworkType type, String path, List<SpecProblem> problems) {
    Set<String> names = new HashSet<>();
    Set<Integer> statics = new HashSet<>();
    Set<Integer> targets = new HashSet<>();
    boolean host = type == NetworkType.HOST || type == NetworkType.FULL;
    for (int i = 0; i < ports.size(); i++) {
      PortMapping p = ports.get(i);
      String at = path + "[" + i + "]";
      if (p.name().isBlank()) {
        problems.add(new SpecProblem(at + ".Name", "missing port name"));
      } else if (p.name().length() > MAX_PORT_NAME || !PORT_NAME.matcher(p.name()).matches()) {
        problems.add(
            new SpecProblem(
                at + ".Name",
                "port names are used in environment variable names: letters, digits and _,"
                    + " not starting with a digit, at most "
                    + MAX_PORT_NAME
                    + " characters"));
      } else if (!names.add(p.name())) {
        problems.add(new SpecProblem(at + ".Name", "duplicate port name: " + p.name()));
      }
      if (p.staticPort() != 0 && (p.staticPort() < 1024 || p.staticPort() > 65535)) {
        problems.add(
            new SpecProblem(
                at + ".Static", "static port must be 1024..65535, got " + p.staticPort()));
      } else if (p.staticPort() != 0 && !statics.add(p.staticPort())) {
        problems.add(new SpecProblem(at + ".Static", "duplicate static port " + p.staticPort()));
      }
      if (p.target() < 0 || p.target() > 65535) {
        problems.add(
            new SpecProblem(at + ".Target", "target port must be 0..65535, got " + p.target()));
      } else if (p.target() != 0 && host) {
        problems.add(
            new SpecProblem(
                at + ".Target", "target port is not allowed in Host mode (the task uses Static)"));
      } else if (p.target() != 0 && type == NetworkType.BRIDGE && !targets.add(p.target())) {
        problems.add(new SpecProblem(at + ".Target", "duplicate target port " + p.target()));
      }
      if (!p.hostNetwork().isBlank() && !isIp(p.hostNetwork())) {
        problems.add(
            new SpecProblem(
                at + ".HostNetwork",
                "host network must be an IP address, got \""
                    + TreeKinds.shorten(p.hostNetwork())
                    + "\""));
      }
    }
  }

  /** An IP literal; never a DNS lookup. */
  static boolean isIp(String s) {
    if (s.isEmpty() || !s.matches("[0-9A-Fa-f:.]+")) {
      return false;
    }
    try {
      InetAddress.ofLiteral(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
