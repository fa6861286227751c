package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every spec string that becomes a path on the node is refused at validation when it could reach
 * outside its folder: a result path name with '../' once made the node create folders and write
 * files anywhere its user may.
 */
class PathNamesTest {
  private static List<String> submission(String spec) {
    return Specs.lines(JobValidator.validateSubmission(JobNormalizer.normalize(Specs.job(spec))));
  }

  @Test
  void resultPathNamesThatEscapeTheResultsFolderAreRefused() {
    assertEquals(
        List.of(
            "Tasks[0].ResultPaths[0].Name: result path name \"../../../../../tmp/escaped\""
                + " contains a path separator ('/' or '\\'); it must be a single name: no '/',"
                + " '\\', '.', '..' or control characters (e.g. outputs)",
            "Tasks[0].ResultPaths[1].Name: result path name \"..\" is '..', which names a folder"
                + " itself, not a child of it; it must be a single name: no '/', '\\', '.', '..'"
                + " or control characters (e.g. outputs)",
            "Tasks[0].ResultPaths[2].Name: result path name \"/tmp/abs\" contains a path"
                + " separator ('/' or '\\'); it must be a single name: no '/', '\\', '.', '..' or"
                + " control characters (e.g. outputs)",
            "Tasks[0].ResultPaths[3].Name: result path name \"..\\win\" contains a path"
                + " separator ('/' or '\\'); it must be a single name: no '/', '\\', '.', '..' or"
                + " control characters (e.g. outputs)",
            "Tasks[0].ResultPaths[4].Name: result path name \"c:x\" must not contain ':'",
            "Tasks[0].ResultPaths[5].Name: result path name \"stdout\" is taken by the file of"
                + " that name every result holds (stdout, stderr, exitCode); choose another (e.g."
                + " outputs)"),
        submission(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine: {Type: noop}
                Publisher: {Type: local}
                ResultPaths:
                  - {Name: ../../../../../tmp/escaped, Path: /a}
                  - {Name: "..", Path: /b}
                  - {Name: /tmp/abs, Path: /c}
                  - {Name: '..\\win', Path: /d}
                  - {Name: "c:x", Path: /e}
                  - {Name: stdout, Path: /f}
                  - {Name: outputs, Path: /outputs}
            """));
  }

  /** IDs come from the server, but a stored job (or another client's) is checked too. */
  @Test
  void jobIdsJobNamesAndTaskNamesMustBeOneFolderName() {
    assertEquals(
        List.of(
            "ID: job ID \"../j\" contains a path separator ('/' or '\\'); it must be a single"
                + " name: no '/', '\\', '.', '..' or control characters (e.g. j-1234)",
            "Name: job name \"a/../../b\" contains a path separator ('/' or '\\'); it must be a"
                + " single name: no '/', '\\', '.', '..' or control characters (e.g. my-job)",
            "Tasks[0].Name: task name \"t\\u0000\" contains a control character; it must be a"
                + " single name: no '/', '\\', '.', '..' or control characters (e.g. main)"),
        Specs.lines(
            JobValidator.validateSubmission(
                Specs.job(
                        """
                        Name: a/../../b
                        Type: batch
                        Tasks:
                          - Name: "t\\0"
                            Engine: {Type: noop}
                        """)
                    .toBuilder()
                    .id("../j")
                    .build())));
  }

  @Test
  void resultPathsAndInputTargetsMayNotClimbOrHoldColons() {
    assertEquals(
        List.of(
            "Tasks[0].ResultPaths[0].Path: result path \"/outputs/../../etc\" must not contain"
                + " '..' (e.g. /outputs)",
            "Tasks[0].InputSources[0].Target: input target \"../../etc\" must not contain '..'"
                + " (e.g. /inputs)",
            "Tasks[0].InputSources[1].Target: input target \"/in:rw\" must not contain ':'"
                + " (Docker reads it as the end of a mount's path) (e.g. /inputs)"),
        submission(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine: {Type: noop}
                Publisher: {Type: local}
                ResultPaths: [{Name: outputs, Path: /outputs/../../etc}]
                InputSources:
                  - {Target: ../../etc, Source: {Type: inline, Params: {URL: "data:,x"}}}
                  - {Target: "/in:rw", Source: {Type: inline, Params: {URL: "data:,x"}}}
                  - {Target: main.wasm, Source: {Type: inline, Params: {URL: "data:,x"}}}
            """));
  }
}
