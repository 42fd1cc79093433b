package dev.siyu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.siyu.ingest.Imports;
import dev.siyu.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small test DSL: buyers sent as orders through the batch import, and a crowd of
 * distinct buyers so the model has something to learn from.
 */
final class Buyers {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
			"明", "超", "秀", "霞", "平" };

	private static final String[] PLACES = { "浙江省杭州市西湖区文三路", "北京市朝阳区建国路", "广东省深圳市南山区科技园路", "四川省成都市武侯区人民南路",
			"江苏省南京市鼓楼区中山路", "湖北省武汉市洪山区珞喻路" };

	private final Imports imports;

	private final TenantId tenant;

	private int orderNo;

	Buyers(Imports imports, TenantId tenant) {
		this.imports = imports;
		this.tenant = tenant;
	}

	/** {@code count} buyers who share nothing, on the mall platform. */
	Buyers crowd(int count, long seed) {
		Random random = new Random(seed);
		List<Map<String, Object>> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
					+ GIVEN[random.nextInt(GIVEN.length)];
			String phone = "13" + (100000000 + random.nextInt(900000000));
			String address = PLACES[random.nextInt(PLACES.length)] + (1 + random.nextInt(999)) + "号"
					+ (1 + random.nextInt(30)) + "栋";
			orders.add(order("crowd-" + seed + "-" + i, name, phone, address, null));
		}
		send("mall", orders);
		return this;
	}

	/** One order of a buyer on a platform; {@code unionid} may be null. */
	Buyers buyer(String platform, String buyerId, String name, String phone, String address, String unionid) {
		send(platform, List.of(order(buyerId, name, phone, address, unionid)));
		return this;
	}

	/** One order of a buyer whose platform also gave a gender and a birth date. */
	Buyers buyerWithProfile(String platform, String buyerId, String name, String phone, String gender,
			String birthDate) {
		Map<String, Object> order = order(buyerId, name, phone, "北京市东城区东华门大街1号", null);
		@SuppressWarnings("unchecked")
		Map<String, String> identifiers = (Map<String, String>) order.get("identifiers");
		identifiers.put("gender", gender);
		identifiers.put("birth_date", birthDate);
		send(platform, List.of(order));
		return this;
	}

	private Map<String, Object> order(String buyerId, String name, String phone, String address, String unionid) {
		Map<String, Object> order = new java.util.LinkedHashMap<>();
		order.put("order_id", "O-" + (++this.orderNo) + "-" + buyerId);
		order.put("buyer_id", buyerId);
		order.put("created_at", "2024-06-01 10:00:00");
		order.put("amount", 10);
		order.put("status", "completed");
		order.put("receiver_name", name);
		order.put("receiver_phone", phone);
		order.put("address", address);
		Map<String, String> identifiers = new java.util.LinkedHashMap<>();
		if (phone != null) {
			identifiers.put("phone", phone);
		}
		if (unionid != null) {
			identifiers.put("unionid", unionid);
		}
		order.put("identifiers", identifiers);
		return order;
	}

	private void send(String platform, List<Map<String, Object>> orders) {
		var body = json.valueToTree(Map.of("platform", platform, "orders", orders));
		var results = this.imports.importBatch(this.tenant, body);
		for (var result : results) {
			if ("rejected".equals(result.get("result"))) {
				throw new IllegalStateException("test order rejected: " + result);
			}
		}
	}

}
