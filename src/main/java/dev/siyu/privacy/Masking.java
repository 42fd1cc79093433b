package dev.siyu.privacy;

import java.util.Set;

import dev.siyu.shared.ChineseAddress;
import dev.siyu.shared.PhoneNumber;

/**
 * Display forms of personal fields, revealing no more than Chinese shopping and delivery
 * apps do. Null or blank input gives an empty string; nothing throws.
 */
public final class Masking {

	private static final String STARS = "***";

	/** Two-character surnames, kept whole like single-character ones. */
	private static final Set<String> compoundSurnames = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
			"长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "独孤", "南宫", "西门", "端木", "申屠", "澹台", "百里", "呼延", "万俟", "司空", "闻人", "赫连",
			"钟离", "濮阳", "淳于", "太叔", "东郭", "拓跋", "公冶", "宗政", "公羊", "左丘", "第五", "梁丘", "羊舌", "微生", "谷梁", "段干", "乐正", "仲孙",
			"叔孙", "颛孙", "亓官", "司寇", "巫马", "公西", "漆雕", "壤驷", "公良", "夹谷", "宰父");

	private Masking() {
	}

	/** {@code 138****5678}; a number already masked keeps at most that much. */
	public static String phone(String raw) {
		return PhoneNumber.parse(raw).masked();
	}

	/** {@code 张*}, {@code 张**}, {@code 欧阳**}, {@code J*** S****}. */
	public static String name(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		String[] words = raw.strip().split("\\s+");
		StringBuilder masked = new StringBuilder(raw.length());
		for (int i = 0; i < words.length; i++) {
			if (i > 0) {
				masked.append(' ');
			}
			String word = words[i];
			int length = word.codePointCount(0, word.length());
			int kept = (length < 2) ? 0 : 1;
			if (i == 0 && length >= 3 && compoundSurnames.contains(word.substring(0, 2))) {
				kept = 2;
			}
			int keptChars = word.offsetByCodePoints(0, kept);
			masked.append(word, 0, keptChars).append("*".repeat(length - kept));
		}
		return masked.toString();
	}

	/**
	 * Province, city and district followed by {@code ****}; the street is never shown.
	 */
	public static String address(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		ChineseAddress address = ChineseAddress.parse(raw);
		return (address.province().isEmpty() && address.city().isEmpty()) ? "****" : address.masked();
	}

	/** {@code z***@example.com}. */
	public static String email(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		String email = raw.strip();
		int at = email.lastIndexOf('@');
		if (at <= 0) {
			return firstCodePoint(email) + STARS;
		}
		return firstCodePoint(email) + STARS + email.substring(at);
	}

	/**
	 * Member numbers, ID card numbers, account ids: the first 3 and last 2 characters of
	 * 8 or more, the first and last of 4 to 7, nothing of shorter ones.
	 */
	public static String identifier(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		String id = raw.strip();
		int length = id.codePointCount(0, id.length());
		if (length >= 8) {
			return id.substring(0, id.offsetByCodePoints(0, 3)) + STARS
					+ id.substring(id.offsetByCodePoints(id.length(), -2));
		}
		if (length >= 4) {
			return firstCodePoint(id) + STARS + id.substring(id.offsetByCodePoints(id.length(), -1));
		}
		return STARS;
	}

	private static String firstCodePoint(String text) {
		return text.substring(0, text.offsetByCodePoints(0, 1));
	}

}
