package dev.siyu.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.siyu.sandbox.SandboxActivity;
import dev.siyu.sandbox.SandboxLife;
import dev.siyu.sandbox.WeComSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "wecom-sandbox", mixinStandardHelpOptions = true,
		description = "Run a local WeCom sandbox corp: WeCom's API for siyu's WxJava client, and callbacks to siyu.")
class WeComSandboxCommand implements Callable<Integer> {

	@Option(names = "--port", defaultValue = "9070", description = "HTTP port (default: ${DEFAULT-VALUE})")
	int port;

	@Option(names = "--callback", paramLabel = "URL",
			description = "Where to push callbacks, e.g. http://127.0.0.1:8080/wecom/callback/acme")
	String callback;

	@Option(names = "--seed", defaultValue = "7")
	long seed;

	@Option(names = "--staff", defaultValue = "8")
	int staff;

	@Option(names = "--customers", defaultValue = "300")
	int customers;

	@Option(names = "--groups", defaultValue = "6")
	int groups;

	@Option(names = "--live-every", defaultValue = "0", paramLabel = "SECONDS",
			description = "Simulate a customer action every so many seconds (0: none)")
	double liveEvery;

	@Option(names = "--states", split = ",", paramLabel = "STATE",
			description = "Channel-code states new friends arrive through")
	List<String> states = List.of();

	@Override
	public Integer call() {
		WeComSandbox sandbox = WeComSandbox.start(this.port, WeComSandbox.Settings.demo());
		SandboxActivity people = sandbox.activity();
		people.seed(this.seed, this.staff, this.customers, this.groups, List.of());
		WeComSandbox.Settings corp = sandbox.settings();
		System.out.println("WeCom sandbox at " + sandbox.baseUrl() + " with " + this.staff + " staff, " + this.customers
				+ " customers, " + this.groups + " groups.");
		System.out.println("Connect a tenant: ./siyu wecom configure --tenant T --corp-id " + corp.corpId()
				+ " --token " + corp.token() + " --aes-key " + corp.aesKey() + " --secret " + corp.secret()
				+ " --api-base " + sandbox.baseUrl());
		if (this.callback != null) {
			sandbox.sendCallbacksTo(this.callback);
			System.out.println("Callbacks go to " + this.callback);
			if (this.liveEvery > 0) {
				SandboxLife.start(people, this.states, Duration.ofMillis((long) (this.liveEvery * 1000)), this.seed);
			}
		}
		System.out.println("(Ctrl+C to stop)");
		return ServeCommand.KEEP_RUNNING;
	}

}
