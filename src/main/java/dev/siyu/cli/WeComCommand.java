package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import dev.siyu.wecom.Corp;
import dev.siyu.wecom.CorpSettings;
import dev.siyu.wecom.CorpSync;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.WeComStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "wecom", mixinStandardHelpOptions = true, description = "Connect a tenant to its WeCom corp.",
		subcommands = { WeComCommand.Configure.class, WeComCommand.Sync.class, WeComCommand.Status.class,
				WeComSendCommands.Send.class, WeComSendCommands.Sends.class, WeComSendCommands.PollSends.class,
				WeComSendCommands.PushTags.class, WeComSendCommands.GroupStats.class })
class WeComCommand {

	@Command(name = "configure", mixinStandardHelpOptions = true,
			description = "Connect a tenant to a WeCom corp (or a sandbox); secrets are stored encrypted.")
	static class Configure implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--tenant", required = true)
		String tenant;

		@Option(names = "--corp-id", required = true, paramLabel = "ID")
		String corpId;

		@Option(names = "--token", required = true, description = "The callback Token")
		String token;

		@Option(names = "--aes-key", required = true, paramLabel = "KEY",
				description = "The 43-character EncodingAESKey")
		String aesKey;

		@Option(names = "--secret", paramLabel = "S", description = "The secret of the customer-contact app")
		String secret;

		@Option(names = "--agent-id", paramLabel = "N")
		Integer agentId;

		@Option(names = "--api-base", paramLabel = "URL",
				description = "WeCom's API host (default https://qyapi.weixin.qq.com), or a sandbox's")
		String apiBase;

		@Option(names = "--calls-per-minute", paramLabel = "N", description = "Rate limit of API calls (default 2000)")
		Integer callsPerMinute;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			CorpSettings settings = new CorpSettings(this.corpId, this.token, this.aesKey, this.secret, this.agentId,
					this.apiBase, this.callsPerMinute);
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Corp corp = context.getBean(Corps.class).configure(this.tenant, settings);
				Output.result(this.json, corp.summary());
				return 0;
			}
		}

	}

	@Command(name = "sync", mixinStandardHelpOptions = true,
			description = "Read staff, contacts, corp tags and groups from the tenant's corp (the full sync job).")
	static class Sync implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--tenant", required = true)
		String tenant;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant found = context.getBean(Tenants.class)
					.byName(this.tenant)
					.orElseThrow(() -> new IllegalArgumentException("no tenant named '" + this.tenant + "'"));
				Output.result(this.json, context.getBean(CorpSync.class).full(found.id()));
				return 0;
			}
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true, description = "How a tenant's WeCom channel stands.")
	static class Status implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Option(names = "--tenant", required = true)
		String tenant;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant found = context.getBean(Tenants.class)
					.byName(this.tenant)
					.orElseThrow(() -> new IllegalArgumentException("no tenant named '" + this.tenant + "'"));
				Map<String, Object> out = new LinkedHashMap<>();
				context.getBean(Corps.class).find(found.name()).ifPresent(corp -> out.putAll(corp.summary()));
				out.putAll(context.getBean(WeComStatus.class).of(found.id()));
				Output.result(this.json, out);
				return 0;
			}
		}

	}

}
