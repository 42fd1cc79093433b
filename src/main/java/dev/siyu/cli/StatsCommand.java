package dev.siyu.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Not built yet.")
class StatsCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		throw new IllegalStateException("not built yet");
	}

}
