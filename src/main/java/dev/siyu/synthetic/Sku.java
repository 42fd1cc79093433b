package dev.siyu.synthetic;

/**
 * A product the brand sells.
 *
 * @param index position in the catalog
 * @param code the merchant code (商家编码)
 * @param category the category
 * @param title the shop title
 * @param spec the variant (规格)
 * @param price the list price in cents
 * @param cover how many category cycles one unit lasts (a quarter milk card: 3)
 * @param douyinId the Douyin product id
 * @param jdId the JD product id (SKU)
 */
record Sku(int index, String code, Category category, Cell title, Cell spec, long price, int cover, String douyinId,
		String jdId) {
}
