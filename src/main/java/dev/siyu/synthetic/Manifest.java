package dev.siyu.synthetic;

import java.util.List;

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

}
