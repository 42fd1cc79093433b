package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Create and list tenants (brands).",
		subcommands = { TenantCommand.Create.class, TenantCommand.ListTenants.class, TenantCommand.AddUser.class })
class TenantCommand {

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a brand (or with --group-of-brands a group) and print its API key.")
	static class Create implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Parameters(index = "0", paramLabel = "NAME", description = "Lower-case name, e.g. acme-dairy")
		String name;

		@Option(names = "--display-name", description = "Name shown in the console, e.g. 某某乳业")
		String displayName;

		@Option(names = "--group", paramLabel = "GROUP", description = "Create the brand inside this group tenant")
		String group;

		@Option(names = "--group-of-brands", description = "Create a group tenant that holds brands")
		boolean isGroup;

		@Option(names = "--share-one-id",
				description = "With --group-of-brands: the group's brands share One ID (an explicit choice: PIPL)")
		boolean shareOneId;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenants tenants = context.getBean(Tenants.class);
				Tenants.CreatedTenant created;
				if (this.isGroup) {
					created = tenants.createGroup(this.name, this.displayName, this.shareOneId);
				}
				else if (this.group != null) {
					created = tenants.createBrand(this.name, this.displayName, this.group);
				}
				else {
					created = tenants.create(this.name, this.displayName);
				}
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("tenant", created.tenant().name());
				result.put("apiKey", created.apiKey());
				Output.result(this.json, result);
				return 0;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants.")
	static class ListTenants implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				var tenants = context.getBean(Tenants.class).all();
				if (!this.json) {
					for (Tenant tenant : tenants) {
						System.out.println(
								tenant.name() + "\t" + tenant.displayName() + (tenant.isGroup() ? "\t(group)" : ""));
					}
				}
				else {
					Output.result(true, Map.of("tenants", tenants.stream().map(Tenant::name).toList()));
				}
				return 0;
			}
		}

	}

	@Command(name = "add-user", mixinStandardHelpOptions = true,
			description = "Create a console user (or reuse one) and give it a role in the tenant.")
	static class AddUser implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Parameters(index = "0", paramLabel = "TENANT")
		String tenant;

		@Parameters(index = "1", paramLabel = "USERNAME")
		String username;

		@Option(names = "--role", defaultValue = "operator",
				description = "owner, admin, operator, analyst or guide (default: ${DEFAULT-VALUE})")
		String role;

		@Option(names = "--password", description = "Password for a new user (read from SIYU_PASSWORD if omitted)")
		String password;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			Role parsedRole = Role.of(this.role);
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant tenant = context.getBean(Tenants.class).require(this.tenant);
				Users users = context.getBean(Users.class);
				if (users.memberships(this.username).isEmpty()) {
					String secret = (this.password != null) ? this.password : System.getenv("SIYU_PASSWORD");
					users.create(this.username, this.username, secret);
				}
				users.grant(this.username, tenant.id(), parsedRole);
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("tenant", tenant.name());
				result.put("user", this.username);
				result.put("role", parsedRole.code());
				Output.result(this.json, result);
				return 0;
			}
		}

	}

}
