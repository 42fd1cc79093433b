package dev.siyu.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.siyu.ingest.ImportProgress;
import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;

/**
 * A brand of generated customers with one user per role, each named after the role
 * ({@code owner-xxxx}, ...), all with {@link #PASSWORD}.
 */
final class ConsoleFixture {

	static final String PASSWORD = "console-test-1";

	final TenantId tenant;

	final String suffix;

	final Path files;

	private ConsoleFixture(TenantId tenant, String suffix, Path files) {
		this.tenant = tenant;
		this.suffix = suffix;
		this.files = files;
	}

	static ConsoleFixture brand(Tenants tenants, Users users, Imports imports, long customers) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		TenantId tenant = tenants.create("console-" + suffix, "测试品牌 " + suffix).tenant().id();
		for (Role role : Role.values()) {
			users.create(role.code() + "-" + suffix, role.code() + " " + suffix, PASSWORD);
			users.grant(role.code() + "-" + suffix, tenant, role);
		}
		try {
			Path files = Files.createDirectories(Path.of("target", "test-data", "console-" + suffix));
			if (customers > 0) {
				Manifest manifest = SyntheticBrand.generate(GenerationRequest.of(customers, 7, files), null);
				for (List<ManifestFile> group : manifest.imports()) {
					ManifestFile first = group.get(0);
					List<Path> paths = group.stream().map(file -> files.resolve(file.path())).toList();
					Path mapping = (first.mapping() != null) ? files.resolve(first.mapping()) : null;
					imports.importFiles(tenant, first.source(), mapping, paths, ImportProgress.NONE);
				}
			}
			return new ConsoleFixture(tenant, suffix, files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String user(Role role) {
		return role.code() + "-" + this.suffix;
	}

}
