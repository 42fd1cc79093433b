package dev.siyu.cli;

/** The process entry point: runs one command and exits with its code. */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		int code = run(args);
		if (code != ServeCommand.KEEP_RUNNING) {
			System.exit(code);
		}
	}

	static int run(String... args) {
		return SiyuCommand.commandLine().execute(args);
	}

}
