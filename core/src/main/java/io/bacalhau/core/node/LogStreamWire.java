package io.bacalhau.core.node;

import io.bacalhau.core.compute.ExecutionFolders;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * How a compute node streams an execution's output to its orchestrator in an HTTP body: frames of a
 * type byte and its data. {@code START} gives the byte positions stdout and stderr begin at, so
 * that a reader whose connection broke resumes from where it stopped and repeats nothing; {@code
 * STDOUT}/{@code STDERR} a length and that many bytes of output; {@code END} that the execution no
 * longer runs on the node (its output is complete there); {@code ERROR} why the node cannot tell.
 */
public final class LogStreamWire {
  static final int START = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int END = 3;
  static final int ERROR = 4;

  private LogStreamWire() {}

  /**
   * Compute side: writes the output of {@code executionId} in {@code executionsDir} from the given
   * positions (-1: the current end), with {@code follow} until {@code finished} says it stopped
   * running here. A bad execution id or an unreadable file ends the body with an {@code ERROR}.
   */
  public static void serve(
      Path executionsDir,
      String executionId,
      long outFrom,
      long errFrom,
      boolean follow,
      BooleanSupplier finished,
      OutputStream body)
      throws IOException, InterruptedException {
    DataOutputStream data = new DataOutputStream(body);
    try {
      Path logs = ExecutionFolders.results(executionsDir, executionId);
      long out = outFrom < 0 ? LogTailer.size(logs.resolve("stdout")) : outFrom;
      long err = errFrom < 0 ? LogTailer.size(logs.resolve("stderr")) : errFrom;
      data.writeByte(START);
      data.writeLong(out);
      data.writeLong(err);
      data.flush();
      LogTailer.copy(logs, out, err, follow, finished, frames(data, STDOUT), frames(data, STDERR));
      data.writeByte(END);
    } catch (BacalhauException e) {
      data.writeByte(ERROR);
      data.writeUTF(e.getMessage());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    data.flush();
  }

  /**
   * Orchestrator side: copies the frames of {@code body} to {@code out} and {@code err}, keeping
   * {@code positions} (stdout, stderr) at the byte after the last one copied. Returns whether the
   * node said the execution's output is complete; a body cut short returns false (read it again
   * from {@code positions}). An error frame is thrown as the node's error.
   */
  static boolean read(
      InputStream body, long[] positions, String nodeId, OutputStream out, OutputStream err)
      throws IOException {
    DataInputStream data = new DataInputStream(body);
    while (true) {
      int type;
      try {
        type = data.readUnsignedByte();
      } catch (EOFException cut) {
        return false;
      }
      switch (type) {
        case START -> {
          positions[0] = data.readLong();
          positions[1] = data.readLong();
        }
        case STDOUT, STDERR -> {
          byte[] bytes = new byte[data.readInt()];
          data.readFully(bytes);
          emit(type == STDOUT ? out : err, bytes);
          positions[type == STDOUT ? 0 : 1] += bytes.length;
        }
        case END -> {
          return true;
        }
        case ERROR ->
            throw BacalhauException.builder(ErrorCode.IO_ERROR, data.readUTF())
                .component("Logs")
                .detail("NodeID", nodeId)
                .build();
        default -> throw new IOException("unknown log frame type " + type + " from " + nodeId);
      }
    }
  }

  /** The sink's failures (the reader gone away) stay apart from the node's: unchecked. */
  private static void emit(OutputStream sink, byte[] bytes) {
    try {
      sink.write(bytes);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One frame per write, flushed at once so that a follower sees output as it is written. */
  private static OutputStream frames(DataOutputStream data, int type) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        data.writeByte(type);
        data.writeInt(len);
        data.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        data.flush();
      }
    };
  }
}
