package dev.siyu.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "siyu", mixinStandardHelpOptions = true, version = "siyu 0.1.0",
		description = "Private-domain customer operations: bring platform buyers into channels you own.",
		subcommands = { ServeCommand.class, TenantCommand.class, ImportCommand.class, StatsCommand.class,
				GenerateCommand.class, SegmentCommand.class, TagCommand.class, BenchCommand.class, WeComCommand.class,
				WeComSandboxCommand.class, ClvCommand.class, ValueCommand.class, MatchCommand.class,
				IdentityCommand.class })
class SiyuCommand {

	static CommandLine commandLine() {
		CommandLine line = new CommandLine(new SiyuCommand());
		line.setExecutionExceptionHandler(SiyuCommand::oneLineError);
		return line;
	}

	/** Every failure ends as one line on standard error and a non-zero exit code. */
	private static int oneLineError(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
		PrintWriter err = line.getErr();
		err.println("error: " + Failures.reason(ex));
		err.flush();
		return ex instanceof IllegalArgumentException ? 2 : 1;
	}

}
