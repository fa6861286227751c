import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.client.api.GetJobResponse;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.jobspec.JobNormalizer;
import io.bacalhau.core.jobspec.JobSanitizer;
import io.bacalhau.core.jobspec.JobSpecParser;
import io.bacalhau.core.jobspec.JobValidator;
import io.bacalhau.core.jobspec.ParsedSpec;
import io.bacalhau.core.models.Job;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API's own work per request, outside the store, in one thread of one JVM: the CPU time of
 * that thread, so that other processes on a busy machine change it far less than a whole server's.
 * Run with a distribution's classpath (bench/api-request-cost.sh): it takes the paths that build's
 * server takes (a tree read as is where the build has it, else written out and parsed again; the
 * API's mapper, Blackbird's where the build answers with it).
 *   submit: read the body's tree, read the Job from it, normalize, sanitize, validate
 *   answer: write a job with its history and executions (GET ...?include=history,executions)
 */
public class ApiRequestCost {
  public static void main(String[] args) throws Exception {
    byte[] body = Files.readAllBytes(Path.of(args[0]));
    byte[] stored = Files.readAllBytes(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    boolean fastAnswers = args[3].equals("blackbird");
    ObjectMapper api = Codecs.json();
    ObjectMapper answers = fastAnswers ? Codecs.storeJson().copy() : Codecs.json().copy();
    Method tree = null;
    try {
      tree = JobSpecParser.class.getMethod("readSubmitted", String.class, ObjectNode.class);
    } catch (NoSuchMethodException e) {
      // an older build: the server wrote the tree out and parsed it again
    }
    GetJobResponse answer = answers.readValue(stored, GetJobResponse.class);
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
      long c0 = t.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        ObjectNode b = (ObjectNode) api.readTree(body);
        JsonNode spec = b.get("Job");
        ParsedSpec p =
            tree != null
                ? (ParsedSpec) tree.invoke(null, "Job", spec)
                : JobSpecParser.readSubmitted("Job", api.writeValueAsBytes(spec));
        Job job = JobSanitizer.sanitize(JobNormalizer.normalize(p.job())).job();
        sink += JobValidator.validate(job).size() + job.tasks().size();
      }
      long c1 = t.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink += answers.writeValueAsBytes(answer).length;
      }
      long c2 = t.getCurrentThreadCpuTime();
      if (pass == 1) {
        System.out.printf(
            "%.1f %.1f %d%n", (c1 - c0) / 1000.0 / n, (c2 - c1) / 1000.0 / n, sink % 2);
      }
    }
  }
}
