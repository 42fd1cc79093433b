package dev.siyu.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void aServerWhosePortIsTakenSaysWhichPortAndWhatToDo() {
		Exception failure = new ApplicationContextException("Failed to start bean 'webServerStartStop'",
				new WebServerException("Unable to start embedded Tomcat server", new PortInUseException(8080,
						new IllegalStateException("standardService.connector.startFailed"))));

		assertThat(Failures.reason(failure))
			.isEqualTo("port 8080 is already in use: stop what listens there, or choose another port with --port");
	}

	@Test
	void aDatabaseFailureDeepInTheFrameworkIsToldByTheDatabasesMessage() {
		Exception failure = new ApplicationContextException("Unable to start web server", new IllegalStateException(
				"Error creating bean with name 'flyway'", new SQLException("FATAL: database \"siyu\" does not exist")));

		assertThat(Failures.reason(failure)).isEqualTo("FATAL: database \"siyu\" does not exist");
	}

}
