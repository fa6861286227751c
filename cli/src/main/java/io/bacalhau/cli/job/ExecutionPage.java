package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import java.io.PrintStream;
import java.util.List;

/**
 * One page of {@code job executions}: one more than the limit is asked for, to know whether another
 * page follows.
 */
record ExecutionPage(List<Execution> executions, boolean more, int offset) {

  static ExecutionPage read(CliSession session, JobArgument target, ExecutionQuery query) {
    Job job = target.find(session.node());
    int limit = query.limit();
    ExecutionQuery probe =
        new ExecutionQuery(
            query.jobVersion(),
            query.allVersions(),
            query.orderBy(),
            query.reverse(),
            limit == 0 ? 0 : limit + 1,
            query.offset());
    List<Execution> all = session.node().executions(job.id(), probe);
    boolean more = limit > 0 && all.size() > limit;
    return new ExecutionPage(more ? all.subList(0, limit) : all, more, query.offset());
  }

  void printNext(PrintStream out, String job, String orderBy, boolean reversed, int limit) {
    out.println();
    out.println("To fetch more records use:");
    out.println(
        "\tbacalhau job executions "
            + job
            + " --limit "
            + limit
            + (orderBy.equals("created_at") ? "" : " --order-by " + orderBy)
            + (reversed ? " --order-reversed" : "")
            + " --next-token "
            + PageToken.encode(orderBy, reversed, limit, offset + limit));
  }
}
