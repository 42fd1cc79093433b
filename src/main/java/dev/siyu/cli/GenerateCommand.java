package dev.siyu.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Not built yet.")
class GenerateCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		throw new IllegalStateException("not built yet");
	}

}
