package dev.siyu.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Not built yet.")
class ImportCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		throw new IllegalStateException("not built yet");
	}

}
