package io.bacalhau.core.compute;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NetworkType;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code JobAdmissionControl} rules a node decides on its own, in Bacalhau's order: networked
 * jobs, stateless jobs, input locality. Reasons read as Bacalhau's ("this node does not ...").
 */
final class AdmissionRules {
  private AdmissionRules() {}

  /**
   * Null when the job is admitted, else why not.
   *
   * @param isLocal whether an input is already on this node (asked only with locality local)
   */
  static String rejection(AdmissionControl control, Job job, Predicate<InputSource> isLocal) {
    NetworkType network = job.task().network().networkType();
    if (control.rejectNetworkedJobs() && network.isNetworked()) {
      return "this node does not run jobs that require network access (the job asks for network "
          + network.label()
          + "; JobAdmissionControl.RejectNetworkedJobs is true)";
    }
    List<InputSource> inputs = job.task().inputSources();
    if (control.rejectStatelessJobs() && inputs.isEmpty()) {
      return "this node does not accept stateless jobs (jobs without inputs;"
          + " JobAdmissionControl.RejectStatelessJobs is true)";
    }
    if (control.locality() == AdmissionControl.Locality.LOCAL) {
      long remote = inputs.stream().filter(isLocal.negate()).count();
      if (remote > 0) {
        return "this node does not have all input data locally ("
            + remote
            + " inputs require downloading; JobAdmissionControl.Locality is local)";
      }
    }
    return null;
  }
}
