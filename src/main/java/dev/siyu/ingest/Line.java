package dev.siyu.ingest;

import java.sql.SQLException;

/**
 * One good line of an export as the stager read it: checked values in their canonical
 * text (times with their zone, amounts as plain decimals), the receiver encrypted, the
 * identifiers blind-indexed, and the hash of everything the line says. Empty texts mean
 * "no value".
 */
record Line(long seq, int fileNo, long rowNo, String orderNo, String lineKey, String accountKey, String status,
		String platformStatus, String createdAt, String paidAt, String completedAt, String amount, String freight,
		String discount, String refund, String sku, String productRef, String title, String spec, String category,
		String quantity, String unitPrice, String lineAmount, String shopKey, String shopName, String creatorId,
		String creatorName, String trafficSource, String channel, String province, String city, String district,
		byte[] receiver, byte[] lineHash, Identifier[] identifiers) {

	/** Writes the line as a row of stg_line, with its identifiers in numbered slots. */
	void stage(CopyRows out, int slots) throws SQLException {
		out.number(this.seq).number(this.fileNo).number(this.rowNo).text(this.orderNo).text(this.lineKey);
		out.nullable(this.accountKey).text(this.status).nullable(this.platformStatus);
		out.nullable(this.createdAt).nullable(this.paidAt).nullable(this.completedAt);
		out.text(this.amount).nullable(this.freight).nullable(this.discount).nullable(this.refund);
		out.nullable(this.sku).nullable(this.productRef).nullable(this.title).nullable(this.spec);
		out.nullable(this.category).nullable(this.quantity).nullable(this.unitPrice).nullable(this.lineAmount);
		out.nullable(this.shopKey).nullable(this.shopName).nullable(this.creatorId);
		out.nullable(this.creatorName).nullable(this.trafficSource);
		out.nullable(this.channel).nullable(this.province).nullable(this.city);
		out.nullable(this.district).bytes(this.receiver);
		out.bytes(this.lineHash);
		for (int slot = 0; slot < slots; slot++) {
			Identifier identifier = (slot < this.identifiers.length) ? this.identifiers[slot] : null;
			if (identifier == null) {
				out.text(null).text(null).text(null).text(null).text(null);
			}
			else {
				out.text(identifier.kind())
					.bytes(identifier.hash())
					.bytes(identifier.cipher())
					.nullable(identifier.masked())
					.bool(identifier.strong());
			}
		}
		out.endRow();
	}

	/**
	 * An identifier the line showed: its kind, blind index, ciphertext (null for kinds
	 * not kept readable), masked form and strength.
	 */
	record Identifier(String kind, byte[] hash, byte[] cipher, String masked, boolean strong) {
	}

}
