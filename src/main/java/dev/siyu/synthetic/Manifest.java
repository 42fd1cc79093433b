package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation run wrote, as in {@code manifest.json}.
 *
 * @param files the data files
 * @param truth the ground truth file ({@code platform,order_id,account,person}), relative
 * to the output directory
 * @param customers how many persons were generated
 * @param orders how many orders were written
 * @param orderLines how many order lines (items) were written
 */
public record Manifest(List<ManifestFile> files, String truth, long customers, long orders, long orderLines) {

	public Manifest {
		files = List.copyOf(files);
	}

	/** Reads a {@code manifest.json}. */
	public static Manifest read(Path manifestJson) throws IOException {
		return ManifestJson.read(manifestJson);
	}

	/**
	 * The files as imports: those of one source and mapping go together (Taobao's order
	 * and item files), in the order they were written.
	 */
	public Collection<List<ManifestFile>> imports() {
		Map<String, List<ManifestFile>> groups = new LinkedHashMap<>();
		for (ManifestFile file : this.files) {
			String key = file.source() + ((file.mapping() != null) ? ":" + file.mapping() : "");
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
		}
		return groups.values();
	}

}
