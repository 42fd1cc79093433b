package dev.siyu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Processor seconds used so far by this JVM and by the local PostgreSQL server (its
 * postmaster's children, read from /proc): on a shared machine they tell where an
 * import's time goes better than the wall clock does. PostgreSQL's share is unknown (-1)
 * when the server is not local or /proc is missing.
 */
final class ProcessorTime {

	private static final double TICKS_PER_SECOND = 100.0;

	private final long postmaster;

	private ProcessorTime(long postmaster) {
		this.postmaster = postmaster;
	}

	static ProcessorTime of(DataSource dataSource) {
		long postmaster = -1;
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			long[] backend = stat(rs.getLong(1));
			postmaster = (backend != null) ? backend[0] : -1;
		}
		catch (SQLException ex) {
			// not measurable: reported as -1
		}
		return new ProcessorTime(postmaster);
	}

	double java() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	double postgres() {
		if (this.postmaster < 0) {
			return -1;
		}
		long ticks = 0;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long pid = Long.parseLong(name);
				long[] stat = stat(pid);
				if (stat != null && (stat[0] == this.postmaster || pid == this.postmaster)) {
					ticks += stat[1];
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** (parent pid, user + system ticks) of a process, or null when it is gone. */
	private static long[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
