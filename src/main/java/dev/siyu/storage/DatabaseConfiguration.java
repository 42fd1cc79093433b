package dev.siyu.storage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} set, siyu runs its own PostgreSQL in the data
 * directory; with one, Spring Boot connects to that external server instead.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DataDirectory dataDirectory(@Value("${siyu.data-dir:siyu-data}") Path path) {
		return new DataDirectory(path);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	LocalPostgres localPostgres(DataDirectory dataDirectory,
			@Value("${siyu.embedded.shared-buffers:256MB}") String sharedBuffers,
			@Value("${siyu.embedded.log-slow-statements-ms:-1}") int logSlowStatements) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("shared_buffers", sharedBuffers);
		settings.put("max_wal_size", "4GB");
		settings.put("work_mem", "64MB");
		settings.put("temp_buffers", "256MB");
		settings.put("maintenance_work_mem", "256MB");
		settings.put("max_connections", "100");
		// a command killed mid-statement must not leave its query running on the server
		settings.put("client_connection_check_interval", "5s");
		settings.put("log_min_duration_statement", Integer.toString(logSlowStatements));
		return LocalPostgres.open(dataDirectory.path(), settings);
	}

	@Bean
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	DataSource dataSource(LocalPostgres postgres, @Value("${siyu.db.pool-size:8}") int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.jdbcUrl());
		config.setUsername(postgres.user());
		config.setPassword(postgres.password());
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("siyu");
		return new HikariDataSource(config);
	}

}
