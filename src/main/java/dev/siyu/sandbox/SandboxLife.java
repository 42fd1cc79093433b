package dev.siyu.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A living corp: at a steady pace customers scan channel codes and become friends, a few
 * delete their guide, and group members come and go, each with its callback.
 */
public final class SandboxLife implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SandboxLife.class);

	private final SandboxActivity people;

	private final List<String> states;

	private final Random random;

	private final List<String> newFriends = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "wecom-sandbox-life");
		thread.setDaemon(true);
		return thread;
	});

	private SandboxLife(SandboxActivity people, List<String> states, long seed) {
		this.people = people;
		this.states = List.copyOf(states);
		this.random = new Random(seed);
	}

	/**
	 * Acts every {@code every}, with customers arriving through the given channel states.
	 */
	public static SandboxLife start(SandboxActivity people, List<String> states, Duration every, long seed) {
		SandboxLife life = new SandboxLife(people, states, seed);
		life.scheduler.scheduleWithFixedDelay(life::act, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		return life;
	}

	void act() {
		try {
			List<String> staff = this.people.staff();
			int roll = this.random.nextInt(10);
			if (roll < 6 || this.newFriends.isEmpty()) {
				String state = this.states.isEmpty() ? null : this.states.get(this.random.nextInt(this.states.size()));
				SandboxActivity.Added added = this.people.addFriend(staff.get(this.random.nextInt(staff.size())), state,
						null);
				this.newFriends.add(added.externalUserId());
			}
			else if (roll < 9) {
				List<String> groups = this.people.groups();
				if (!groups.isEmpty()) {
					String friend = this.newFriends.get(this.random.nextInt(this.newFriends.size()));
					String group = groups.get(this.random.nextInt(groups.size()));
					if (roll < 8) {
						this.people.joinGroup(group, friend);
					}
					else {
						this.people.quitGroup(group, friend);
					}
				}
			}
			else {
				String friend = this.newFriends.remove(this.random.nextInt(this.newFriends.size()));
				this.people.customerDeletes(null, friend);
			}
		}
		catch (RuntimeException ex) {
			log.debug("sandbox activity failed: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
