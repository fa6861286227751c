package io.bacalhau.cli.job;

import java.util.ArrayList;
import java.util.List;

/** The values shell completion offers for the job commands' list flags. */
final class ListCompletions {
  private ListCompletions() {}

  /** {@code --order-by} of jobs and executions. */
  static final class CreatedOrModified extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    CreatedOrModified() {
      super(List.of("created_at", "modified_at"));
    }
  }

  /** {@code --order-by} of history: it has one order. */
  static final class Time extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Time() {
      super(List.of("time"));
    }
  }

  /** {@code job history --event-type}. */
  static final class EventTypes extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    EventTypes() {
      super(List.of("all", "job", "execution"));
    }
  }
}
