package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.identity.PersonIdentity;
import dev.siyu.identity.ProbabilisticLinking;
import dev.siyu.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "identity", mixinStandardHelpOptions = true, description = "One ID: explain a person, match persons.",
		subcommands = { IdentityCommand.Show.class, IdentityCommand.Match.class })
class IdentityCommand {

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "A person's accounts, identifiers (masked), links with their evidence, profile with sources, "
					+ "merge and split history.")
	static class Show implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Mixin
		TenantOption tenant = new TenantOption();

		@Parameters(paramLabel = "PERSON", description = "The person id")
		long person;

		@Option(names = "--json", description = "Print one JSON object on one line (default: indented for reading)")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant tenant = this.tenant.in(context);
				Map<String, Object> identity = context.getBean(PersonIdentity.class)
					.explain(tenant.identityScope(), this.person);
				if (this.json) {
					Output.result(true, identity);
				}
				else {
					System.out.println(
							JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(identity));
				}
				return 0;
			}
		}

	}

	@Command(name = "match", mixinStandardHelpOptions = true,
			description = "Probabilistic One ID over a tenant's persons: link the sure pairs, queue the uncertain ones "
					+ "for review.")
	static class Match extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			ProbabilisticLinking.Summary summary = context.getBean(ProbabilisticLinking.class)
				.run(tenant.identityScope(), "cli");
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("persons", summary.persons());
			out.put("candidatePairs", summary.candidatePairs());
			out.put("autoLinked", summary.autoLinked());
			out.put("queuedForReview", summary.queuedForReview());
			out.put("forbidden", summary.forbidden());
			return out;
		}

	}

}
