package dev.siyu.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.siyu.SiyuApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on its embedded PostgreSQL, in a data directory of
 * its own under target/ (a fresh one per test run, see {@link FreshTestData}). Tests
 * create their own tenants, so they share the server without interfering.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SiyuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "siyu.data-dir=target/test-data/${siyu.test.run}", "siyu.embedded.shared-buffers=64MB",
				"logging.level.dev.siyu=INFO",
				// tests that want matching after imports switch it on for their tenant
				"siyu.identity.auto-match=false" })
public @interface IntegrationTest {

}
