package dev.siyu.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.tenant.Tenant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command on one tenant's data that answers with a few fields: it boots siyu without
 * HTTP, finds the tenant, does its work and prints the fields (as one JSON object with
 * {@code --json}).
 */
abstract class OnTenant implements Callable<Integer> {

	@Mixin
	DatabaseOptions database = new DatabaseOptions();

	@Mixin
	TenantOption tenant = new TenantOption();

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public final Integer call() throws Exception {
		before();
		try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
			Output.result(this.json, run(context, this.tenant.in(context)));
			return 0;
		}
	}

	/** Checks what needs no database, so a mistyped argument fails before siyu boots. */
	void before() {
	}

	abstract Map<String, ?> run(ApplicationContext context, Tenant tenant) throws Exception;

}
