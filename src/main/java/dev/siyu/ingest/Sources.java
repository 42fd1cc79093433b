package dev.siyu.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The built-in sources and the mapping each file of an import is read with. */
final class Sources {

	private static final Map<String, List<String>> BUILT_IN = Map.of("taobao", List.of("taobao-orders", "taobao-items"),
			"tmall", List.of("taobao-orders", "taobao-items"), "douyin", List.of("douyin"), "jd", List.of("jd"));

	private static final Map<String, String> LABELS = Map.of("taobao", "Taobao/Tmall", "tmall", "Taobao/Tmall",
			"douyin", "Douyin shop", "jd", "JD");

	private final String source;

	private final List<Mapping> candidates;

	private Sources(String source, List<Mapping> candidates) {
		this.source = source;
		this.candidates = candidates;
	}

	/**
	 * The mappings a source's files may follow: the mapping file if given, else the
	 * built-in ones.
	 */
	static Sources of(String source, Mapping mappingFile) {
		String name = (source == null) ? "" : source.trim().toLowerCase(Locale.ROOT);
		if (mappingFile != null) {
			return new Sources(name, List.of(mappingFile));
		}
		List<String> builtIn = BUILT_IN.get(name);
		if (builtIn == null) {
			if (name.equals("youzan") || name.equals("generic")) {
				throw new IllegalArgumentException(
						"--source " + name + " needs --mapping FILE: its exports have no fixed "
								+ "columns (see docs/mappings.md and docs/mappings/"
								+ (name.equals("youzan") ? "youzan" : "generic") + ".yaml)");
			}
			throw new IllegalArgumentException(
					"unknown source '" + source + "': use taobao, douyin, jd, youzan or generic");
		}
		List<Mapping> mappings = new ArrayList<>();
		for (String mapping : builtIn) {
			mappings.add(MappingFiles.builtIn(mapping));
		}
		return new Sources(name, mappings);
	}

	/**
	 * The mapping this header follows, or a clear error naming the file and what it
	 * lacks.
	 */
	HeaderMatch match(Path file, String description, List<String> header) {
		HeaderMatch found = find(header);
		if (found != null) {
			return found;
		}
		List<String> lacks = new ArrayList<>();
		for (Mapping mapping : this.candidates) {
			HeaderMatch match = HeaderMatch.of(mapping, header);
			lacks.add((this.candidates.size() > 1 ? "as " + mapping.name() + " it lacks " : "it lacks ")
					+ String.join(", ", match.missing()));
		}
		String what = LABELS.containsKey(this.source) ? "a " + LABELS.get(this.source) + " export"
				: "a file for mapping " + this.candidates.get(0).name();
		throw new IllegalArgumentException("file " + file.getFileName() + " (" + description + ") is not " + what + ": "
				+ String.join("; ", lacks) + ". First columns: " + preview(header) + otherSource(header));
	}

	/** The mapping this header follows, or null. */
	HeaderMatch find(List<String> header) {
		for (Mapping mapping : this.candidates) {
			HeaderMatch match = HeaderMatch.of(mapping, header);
			if (match.complete()) {
				return match;
			}
		}
		return null;
	}

	/** A hint when the header is that of another built-in source's export. */
	private String otherSource(List<String> header) {
		for (Map.Entry<String, List<String>> other : BUILT_IN.entrySet()) {
			if (other.getKey().equals("tmall") || other.getValue().equals(BUILT_IN.get(this.source))) {
				continue;
			}
			for (String mapping : other.getValue()) {
				if (HeaderMatch.of(MappingFiles.builtIn(mapping), header).complete()) {
					return ". It looks like a " + LABELS.get(other.getKey()) + " export: import it with --source "
							+ other.getKey();
				}
			}
		}
		return "";
	}

	private static String preview(List<String> header) {
		List<String> first = header.subList(0, Math.min(8, header.size()));
		return String.join(", ", first) + ((header.size() > 8) ? ", ..." : "");
	}

}
