package io.bacalhau.plugins.docker;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds containers and networks a crashed node left behind (by label) and removes them: those whose
 * owner process is gone, running or not. A live owner removes its own containers, even stopped ones
 * it is still reading the exit code of.
 *
 * <p>Others may remove the same leftover between the listing and our calls: another process of this
 * node cleaning as it starts (a CLI run and the served node share the node's data dir), a rerun of
 * the same execution replacing its container, or the daemon finishing a removal the dead process
 * asked for before it died. A container that is gone when we look is the outcome we want, not a
 * failure.
 */
final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

  private Leftovers() {}

  /** Cleans up what matches {@code labels}; returns how many containers were removed. */
  static int clean(DockerApi api, Map<String, String> labels) {
    int removed = 0;
    for (String id : api.containersLabelled(labels)) {
      try {
        Optional<ContainerView> found = api.findContainer(id);
        if (found.isEmpty()) {
          LOG.debug("leftover container {} was removed by someone else", id);
          continue;
        }
        ContainerView view = found.get();
        Optional<Owner> owner = Owner.parse(view.labels().get(Labels.OWNER));
        if (owner.map(Owner::isAlive).orElse(false)) {
          continue; // another live process of this node owns it
        }
        api.kill(id);
        api.remove(id);
        removed++;
        LOG.info("removed leftover container {} ({})", view.name(), view.labels().get(Labels.JOB));
      } catch (RuntimeException e) {
        LOG.warn("could not remove leftover container {}: {}", id, e.toString());
      }
    }
    for (String id : api.networksLabelled(labels)) {
      try {
        api.removeNetwork(id); // fails while a live run still uses it, which is what we want
      } catch (RuntimeException e) {
        LOG.debug("network {} still in use: {}", id, e.toString());
      }
    }
    return removed;
  }
}
