package io.bacalhau.cli;

import io.bacalhau.cli.agent.AgentAliveCommand;
import io.bacalhau.cli.agent.AgentCommand;
import io.bacalhau.cli.agent.AgentConfigCommand;
import io.bacalhau.cli.agent.AgentNodeCommand;
import io.bacalhau.cli.agent.AgentVersionCommand;
import io.bacalhau.cli.analytics.AnalyticsCommand;
import io.bacalhau.cli.analytics.AnalyticsPreviewCommand;
import io.bacalhau.cli.auth.AuthCommand;
import io.bacalhau.cli.auth.AuthHashPasswordCommand;
import io.bacalhau.cli.auth.AuthInfoCommand;
import io.bacalhau.cli.completion.CompletionCommand;
import io.bacalhau.cli.config.ConfigCommand;
import io.bacalhau.cli.config.ConfigDefaultCommand;
import io.bacalhau.cli.config.ConfigGetCommand;
import io.bacalhau.cli.config.ConfigListCommand;
import io.bacalhau.cli.config.ConfigSetCommand;
import io.bacalhau.cli.devstack.DevstackCommand;
import io.bacalhau.cli.docker.DockerCommand;
import io.bacalhau.cli.docker.DockerRunCommand;
import io.bacalhau.cli.job.JobCommand;
import io.bacalhau.cli.job.JobDescribeCommand;
import io.bacalhau.cli.job.JobExecutionsCommand;
import io.bacalhau.cli.job.JobGetCommand;
import io.bacalhau.cli.job.JobHistoryCommand;
import io.bacalhau.cli.job.JobListCommand;
import io.bacalhau.cli.job.JobLogsCommand;
import io.bacalhau.cli.job.JobRerunCommand;
import io.bacalhau.cli.job.JobRunCommand;
import io.bacalhau.cli.job.JobStopCommand;
import io.bacalhau.cli.job.JobValidateCommand;
import io.bacalhau.cli.job.JobVersionsCommand;
import io.bacalhau.cli.node.NodeApproveCommand;
import io.bacalhau.cli.node.NodeCommand;
import io.bacalhau.cli.node.NodeDeleteCommand;
import io.bacalhau.cli.node.NodeDescribeCommand;
import io.bacalhau.cli.node.NodeListCommand;
import io.bacalhau.cli.node.NodeLocalCommand;
import io.bacalhau.cli.node.NodeLocalStopCommand;
import io.bacalhau.cli.node.NodeRejectCommand;
import io.bacalhau.cli.node.WorkerCommand;
import io.bacalhau.cli.plugin.PluginCommand;
import io.bacalhau.cli.plugin.PluginInfoCommand;
import io.bacalhau.cli.plugin.PluginListCommand;
import io.bacalhau.cli.profile.ProfileCommand;
import io.bacalhau.cli.profile.ProfileDeleteCommand;
import io.bacalhau.cli.profile.ProfileListCommand;
import io.bacalhau.cli.profile.ProfileSaveCommand;
import io.bacalhau.cli.profile.ProfileSelectCommand;
import io.bacalhau.cli.profile.ProfileShowCommand;
import io.bacalhau.cli.serve.ServeCommand;
import io.bacalhau.cli.shell.ShellCommand;
import io.bacalhau.cli.version.VersionCommand;
import io.bacalhau.cli.wasm.WasmCommand;
import io.bacalhau.cli.wasm.WasmRunCommand;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command of the CLI, as groups and their subcommands. picocli reads the annotations of a
 * command when it is added, which for the whole tree is most of a command's start-up time; so a
 * command line gets the commands it names built in full and the others as stand-ins that carry just
 * their name, aliases and description (all the help of their parent shows of them).
 */
final class CommandTree {
  private static final Map<Class<?>, List<Class<?>>> GROUPS =
      Map.ofEntries(
          Map.entry(
              BacalhauCommand.class,
              List.of(
                  JobCommand.class,
                  DockerCommand.class,
                  WasmCommand.class,
                  NodeCommand.class,
                  AgentCommand.class,
                  AuthCommand.class,
                  ConfigCommand.class,
                  PluginCommand.class,
                  ProfileCommand.class,
                  AnalyticsCommand.class,
                  VersionCommand.class,
                  CompletionCommand.class,
                  ShellCommand.class,
                  ServeCommand.class,
                  DevstackCommand.class,
                  WorkerCommand.class)),
          Map.entry(
              JobCommand.class,
              List.of(
                  JobRunCommand.class,
                  JobListCommand.class,
                  JobDescribeCommand.class,
                  JobHistoryCommand.class,
                  JobExecutionsCommand.class,
                  JobLogsCommand.class,
                  JobStopCommand.class,
                  JobRerunCommand.class,
                  JobVersionsCommand.class,
                  JobValidateCommand.class,
                  JobGetCommand.class)),
          Map.entry(DockerCommand.class, List.of(DockerRunCommand.class)),
          Map.entry(WasmCommand.class, List.of(WasmRunCommand.class)),
          Map.entry(
              NodeCommand.class,
              List.of(
                  NodeListCommand.class,
                  NodeDescribeCommand.class,
                  NodeApproveCommand.class,
                  NodeRejectCommand.class,
                  NodeDeleteCommand.class,
                  NodeLocalCommand.class)),
          Map.entry(NodeLocalCommand.class, List.of(NodeLocalStopCommand.class)),
          Map.entry(
              AgentCommand.class,
              List.of(
                  AgentAliveCommand.class,
                  AgentVersionCommand.class,
                  AgentNodeCommand.class,
                  AgentConfigCommand.class)),
          Map.entry(
              AuthCommand.class, List.of(AuthHashPasswordCommand.class, AuthInfoCommand.class)),
          Map.entry(
              ConfigCommand.class,
              List.of(
                  ConfigListCommand.class,
                  ConfigGetCommand.class,
                  ConfigSetCommand.class,
                  ConfigDefaultCommand.class)),
          Map.entry(PluginCommand.class, List.of(PluginListCommand.class, PluginInfoCommand.class)),
          Map.entry(
              ProfileCommand.class,
              List.of(
                  ProfileListCommand.class,
                  ProfileSaveCommand.class,
                  ProfileShowCommand.class,
                  ProfileSelectCommand.class,
                  ProfileDeleteCommand.class)),
          Map.entry(AnalyticsCommand.class, List.of(AnalyticsPreviewCommand.class)));

  private CommandTree() {}

  /** Every command built in full: for the shell and for completion scripts. */
  static CommandLine whole(CommandLine.IFactory factory) {
    return build(BacalhauCommand.class, factory, name -> true);
  }

  /**
   * The tree one command line needs. picocli only enters a subcommand whose name or alias is one of
   * the arguments, so building every command named among them is enough; an argument file
   * ({@code @file}) hides the names, so it gets the whole tree.
   */
  static CommandLine forArgs(CommandLine.IFactory factory, String... args) {
    Set<String> named = new HashSet<>(Arrays.asList(args));
    if (named.stream().anyMatch(a -> a.startsWith("@"))) {
      return whole(factory);
    }
    return build(BacalhauCommand.class, factory, named::contains);
  }

  private static CommandLine build(
      Class<?> command, CommandLine.IFactory factory, Predicate<String> named) {
    CommandLine line = new CommandLine(command, factory);
    for (Class<?> sub : GROUPS.getOrDefault(command, List.of())) {
      Command annotation = sub.getAnnotation(Command.class);
      boolean wanted =
          named.test(annotation.name()) || List.of(annotation.aliases()).stream().anyMatch(named);
      line.addSubcommand(wanted ? build(sub, factory, named) : standIn(annotation));
    }
    return line;
  }

  private static CommandLine standIn(Command annotation) {
    CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
    spec.usageMessage()
        .header(annotation.header())
        .description(annotation.description())
        .hidden(annotation.hidden());
    return new CommandLine(spec);
  }
}
