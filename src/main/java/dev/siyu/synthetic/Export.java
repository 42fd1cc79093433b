package dev.siyu.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The export files of one platform, written an order at a time. */
interface Export extends Closeable {

	void write(Order order) throws IOException;

	/** The files written, for the manifest. */
	List<ManifestFile> files();

}
