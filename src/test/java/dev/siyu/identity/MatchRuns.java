package dev.siyu.identity;

import java.time.Duration;

import dev.siyu.testing.Api;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Probabilistic matches started over HTTP, followed until their job finishes. */
final class MatchRuns {

	private MatchRuns() {
	}

	/**
	 * Starts a match (with an optional query such as {@code ?reviewProbability=0.5}) and
	 * waits for it.
	 */
	static JsonNode matchAndWait(Api api, String query) {
		Api.Response accepted = api.postJson("/api/v1/identity/match" + query, "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return waitUntilFinished(api, accepted.json().get("id").asLong());
	}

	static JsonNode waitUntilFinished(Api api, long id) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.get("/api/v1/identity/match/" + id).json(),
					(job) -> !job.get("status").asString().equals("running"));
	}

}
