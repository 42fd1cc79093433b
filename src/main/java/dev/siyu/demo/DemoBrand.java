package dev.siyu.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.siyu.ingest.ImportProgress;
import dev.siyu.ingest.ImportResult;
import dev.siyu.ingest.Imports;
import dev.siyu.storage.DataDirectory;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On {@code serve --demo}: the first start creates tenant {@code demo}, writes about
 * 50,000 customers' exports from Tmall, Douyin, JD and the own mall, and imports them
 * all; later starts find it there.
 */
@Component
class DemoBrand {

	static final String TENANT = "demo";

	static final String USER = "demo";

	static final String PASSWORD = "siyu-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoBrand.class);

	private final Tenants tenants;

	private final Users users;

	private final Imports imports;

	private final DataDirectory dataDirectory;

	private final DemoWeCom wecom;

	private final boolean enabled;

	private final long customers;

	private final int port;

	DemoBrand(Tenants tenants, Users users, Imports imports, DataDirectory dataDirectory, DemoWeCom wecom,
			@Value("${siyu.demo.enabled:false}") boolean enabled, @Value("${siyu.demo.customers:50000}") long customers,
			@Value("${server.port:8080}") int port) {
		this.tenants = tenants;
		this.users = users;
		this.imports = imports;
		this.dataDirectory = dataDirectory;
		this.wecom = wecom;
		this.enabled = enabled;
		this.customers = customers;
		this.port = port;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (!this.enabled) {
			return;
		}
		if (this.tenants.byName(TENANT).isPresent()) {
			System.out.println("Demo tenant '" + TENANT + "' is ready.");
		}
		else {
			create();
		}
		this.wecom.start(this.tenants.byName(TENANT).orElseThrow());
		System.out.println("siyu demo: http://localhost:" + this.port + "/  login: " + USER + " / " + PASSWORD
				+ "  (API: http://localhost:" + this.port + "/api/v1/openapi)");
	}

	private void create() {
		System.out.println("Creating the demo brand: generating and importing " + this.customers + " customers...");
		Tenants.CreatedTenant created = this.tenants.create(TENANT, "牧源乳业 (demo)");
		if (this.users.memberships(USER).isEmpty()) {
			this.users.create(USER, "Demo operator", PASSWORD);
		}
		this.users.grant(USER, created.tenant().id(), Role.OWNER);
		Path files = this.dataDirectory.folder("demo-files");
		Manifest manifest;
		try {
			// orders up to yesterday, so recency, lifecycle and "last 90d" mean something
			// today
			LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
			manifest = SyntheticBrand.generate(GenerationRequest.of(this.customers, 2026, files).endingOn(yesterday),
					written -> {
					});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the demo files: " + ex.getMessage(), ex);
		}
		for (List<ManifestFile> group : manifest.imports()) {
			ManifestFile first = group.get(0);
			List<Path> paths = new ArrayList<>();
			group.forEach(file -> paths.add(files.resolve(file.path())));
			Path mapping = (first.mapping() != null) ? files.resolve(first.mapping()) : null;
			ImportResult result = this.imports.importFiles(created.tenant().id(), first.source(), mapping, paths,
					ImportProgress.NONE);
			log.info("Demo import of {}: {} orders imported, {} rows rejected", first.source(), result.imported(),
					result.rejected());
		}
		Tenant demo = created.tenant();
		System.out.println("Demo tenant '" + demo.name() + "' created; API key: " + created.apiKey());
	}

}
