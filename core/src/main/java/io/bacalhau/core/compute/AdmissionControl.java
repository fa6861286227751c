package io.bacalhau.core.compute;

import java.util.Locale;

/**
 * {@code JobAdmissionControl}: which jobs this compute node bids on, beyond what it can run at all.
 *
 * @param locality {@code local} takes only jobs whose inputs are already on this node
 * @param rejectStatelessJobs refuse jobs without inputs
 * @param rejectNetworkedJobs refuse jobs asking for a network other than Default or None
 * @param probeHttp a URL asked about each job (a status of 400 or more means no), or blank
 * @param probeExec a shell command asked about each job (exit 0 means yes), or blank
 */
public record AdmissionControl(
    Locality locality,
    boolean rejectStatelessJobs,
    boolean rejectNetworkedJobs,
    String probeHttp,
    String probeExec) {

  /** Bacalhau's defaults: any job, from anywhere, no probes. */
  public static final AdmissionControl DEFAULTS =
      new AdmissionControl(Locality.ANYWHERE, false, false, "", "");

  public AdmissionControl {
    locality = locality == null ? Locality.ANYWHERE : locality;
    probeHttp = probeHttp == null ? "" : probeHttp.strip();
    probeExec = probeExec == null ? "" : probeExec.strip();
  }

  /** {@code JobAdmissionControl.Locality}. */
  public enum Locality {
    LOCAL,
    ANYWHERE;

    /**
     * @throws IllegalArgumentException naming the valid values
     */
    public static Locality parse(String text) {
      String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "", "anywhere" -> ANYWHERE;
        case "local" -> LOCAL;
        default ->
            throw new IllegalArgumentException(
                "'" + text + "' is not a locality; use local or anywhere");
      };
    }
  }
}
