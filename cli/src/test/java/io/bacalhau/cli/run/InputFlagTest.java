package io.bacalhau.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.InputSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFlagTest {

  @Test
  void bareUriGetsTheDefaultTargetAndItselfAsAlias() {
    InputSource in = InputFlag.parse("ipfs://QmHash");
    assertEquals("ipfs", in.source().type());
    assertEquals(Map.of("CID", "QmHash"), in.source().params());
    assertEquals("/inputs", in.target());
    assertEquals("ipfs://QmHash", in.alias());
  }

  @Test
  void lastColonAfterTheSchemeSplitsOffTheTarget() {
    InputSource in = InputFlag.parse("s3://bucket/dir/key.csv:/data/in");
    assertEquals("s3", in.source().type());
    assertEquals("bucket", in.source().param("Bucket"));
    assertEquals("dir/key.csv", in.source().param("Key"));
    assertEquals("/data/in", in.target());
  }

  @Test
  void aPortInAnHttpUrlIsNotATarget() {
    InputSource in = InputFlag.parse("https://example.com:8443/file.txt");
    assertEquals("urlDownload", in.source().type());
    assertEquals("https://example.com:8443/file.txt", in.source().param("URL"));
    assertEquals("/inputs", in.target());
  }

  @Test
  void keyedFieldsAndS3Options() {
    InputSource in =
        InputFlag.parse(
            "src=s3://b/prefix/*,dst=/in,opt=region=eu-west-1,opt=endpoint=http://127.0.0.1:9000,"
                + "opt=version-id=v1,opt=checksum-256=abc,opt=filter=.*csv");
    assertEquals("/in", in.target());
    assertEquals("eu-west-1", in.source().param("Region"));
    assertEquals("http://127.0.0.1:9000", in.source().param("Endpoint"));
    assertEquals("v1", in.source().param("VersionID"));
    assertEquals("abc", in.source().param("ChecksumSHA256"));
    assertEquals(".*csv", in.source().param("Filter"));
  }

  @Test
  void fileSourcesAreReadOnlyUnlessRwIsSet() {
    InputSource ro = InputFlag.parse("file:///srv/data:/data");
    assertEquals("local", ro.source().type());
    assertEquals("/srv/data", ro.source().param("SourcePath"));
    assertEquals(false, ro.source().param("ReadWrite"));
    assertEquals("/data", ro.target());
    InputSource rw = InputFlag.parse("src=file:///srv/data,dst=/data,opt=rw=true");
    assertEquals(true, rw.source().param("ReadWrite"));
  }

  @Test
  void badValuesNameTheFlagAndTheProblem() {
    assertProblem("foo://x", "unknown storage schema 'foo'");
    assertProblem("git://github.com/a/b", "unsupported type 'git'");
    assertProblem("s3://b/k,opt=colour=red", "unknown option 'colour'");
    assertProblem("dst=/x", "no source URI");
    assertProblem("ipfs://Qm,opt=rw", "option 'rw' is not key=value");
    assertProblem("file:///x,opt=rw=maybe", "must be true or false");
    assertProblem("ipfs://Qm,opt=a=b", "takes no options");
  }

  private static void assertProblem(String value, String expected) {
    UsageException e = assertThrows(UsageException.class, () -> InputFlag.parse(value));
    assertTrue(e.getMessage().startsWith("--input '" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
