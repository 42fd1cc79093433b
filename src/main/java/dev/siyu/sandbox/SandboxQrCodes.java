package dev.siyu.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * The image behind a sandbox channel code's {@code qr_code} link: a pattern in the shape
 * of a QR code, the same for the same code, so the console shows a picture and no broken
 * link. It encodes nothing.
 */
final class SandboxQrCodes {

	private static final int MODULES = 21;

	private static final int SCALE = 6;

	private static final int QUIET = 2;

	private SandboxQrCodes() {
	}

	static byte[] png(String configId) {
		int size = (MODULES + 2 * QUIET) * SCALE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, size, size);
		g.setColor(Color.BLACK);
		SplittableRandom random = new SplittableRandom(configId.hashCode());
		for (int row = 0; row < MODULES; row++) {
			for (int column = 0; column < MODULES; column++) {
				if (finder(row, column) ? finderDark(row, column) : random.nextBoolean()) {
					g.fillRect((column + QUIET) * SCALE, (row + QUIET) * SCALE, SCALE, SCALE);
				}
			}
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static boolean finder(int row, int column) {
		return (row < 8 && column < 8) || (row < 8 && column >= MODULES - 8) || (row >= MODULES - 8 && column < 8);
	}

	private static boolean finderDark(int row, int column) {
		int r = (row >= MODULES - 8) ? row - (MODULES - 7) : row;
		int c = (column >= MODULES - 8) ? column - (MODULES - 7) : column;
		if (r < 0 || c < 0 || r > 6 || c > 6) {
			return false;
		}
		int ring = Math.min(Math.min(r, c), Math.min(6 - r, 6 - c));
		return ring != 1;
	}

}
