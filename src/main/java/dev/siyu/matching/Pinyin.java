package dev.siyu.matching;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of Chinese characters (the first reading of each, from pinyin4j), and
 * the split of a Chinese full name into surname and given name.
 */
final class Pinyin {

	private static final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

	static {
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private static final Map<Character, String> cache = new ConcurrentHashMap<>();

	private static final Set<String> compoundSurnames = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
			"长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳", "太史",
			"申屠", "呼延", "百里", "东郭", "拓跋", "赫连", "第五");

	private Pinyin() {
	}

	/** Every Han character becomes its syllable; other characters stay as they are. */
	static String of(String text) {
		StringBuilder out = new StringBuilder(text.length() * 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(Text.isHan(c) ? syllable(c) : String.valueOf(c));
		}
		return out.toString();
	}

	/** The length of the surname at the start of a Chinese full name (1 or 2). */
	static int surnameLength(String name) {
		if (name.length() >= 3 && compoundSurnames.contains(name.substring(0, 2))) {
			return 2;
		}
		return 1;
	}

	private static String syllable(char c) {
		return cache.computeIfAbsent(c, Pinyin::read);
	}

	private static String read(char c) {
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
			return (readings != null && readings.length > 0) ? readings[0] : String.valueOf(c);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

}
