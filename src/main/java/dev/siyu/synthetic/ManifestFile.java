package dev.siyu.synthetic;

/**
 * One generated data file.
 *
 * @param path the file, relative to the output directory
 * @param source the import format: {@code taobao}, {@code douyin}, {@code jd} or
 * {@code generic}
 * @param mapping for {@code generic}: the mapping file relative to the output directory,
 * else {@code null}
 */
public record ManifestFile(String path, String source, String mapping) {
}
