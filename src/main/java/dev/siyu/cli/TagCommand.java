package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.tenant.Tenant;
import dev.siyu.audience.Expressions;
import dev.siyu.audience.RuleTags;
import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;

@Command(name = "tag", mixinStandardHelpOptions = true, description = "The tag catalog of a tenant.",
		subcommands = { TagCommand.ListTags.class, TagCommand.Create.class })
class TagCommand {

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the tags of a tenant.")
	static class ListTags extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			List<Tag> tags = context.getBean(TagCatalog.class).tags(tenant.identityScope().value());
			return Map.of("tags", tags.stream().map(tag -> tag.name() + " (" + tag.kind().code() + ")").toList());
		}

	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a tag; with --rule EXPR a rule tag whose members the expression selects.")
	static class Create extends OnTenant {

		@Option(names = "--name", required = true, description = "The tag's name, e.g. 高净值")
		String name;

		@Option(names = "--group", description = "The tag group (created if missing)")
		String group;

		@Option(names = "--kind", defaultValue = "manual", paramLabel = "manual|product|wecom",
				description = "Kind of tag (default: ${DEFAULT-VALUE})")
		String kind;

		@Option(names = "--rule", paramLabel = "EXPR", description = "An audience expression selecting the members")
		String rule;

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			long scope = tenant.identityScope().value();
			Tag tag = (this.rule != null)
					? context.getBean(RuleTags.class)
						.define(scope, this.group, this.name, null, null, Expressions.parse(this.rule), "cli")
					: context.getBean(TagCatalog.class)
						.create(scope, new TagCatalog.TagDefinition(this.group, this.name, null, null,
								TagKind.ofCode(this.kind), null, null), "cli");
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("id", tag.id());
			out.put("name", tag.name());
			out.put("kind", tag.kind().code());
			return out;
		}

	}

}
