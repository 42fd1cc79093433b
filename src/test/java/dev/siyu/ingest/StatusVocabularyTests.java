package dev.siyu.ingest;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusVocabularyTests {

	private final StatusVocabulary vocabulary = new StatusVocabulary(Map.of());

	@ParameterizedTest
	@CsvSource({ "交易成功,COMPLETED", "'卖家已发货，等待买家确认',SHIPPED", "'买家已付款，等待卖家发货',PAID", "等待买家付款,PENDING", "交易关闭,CLOSED",
			"已完成,COMPLETED", "待发货,PAID", "已关闭,CLOSED", "等待出库,PAID", "等待确认收货,SHIPPED", "完成,COMPLETED", "(删除)已取消,CLOSED",
			"退款成功,REFUNDED", "部分退款成功,REFUNDED", "已签收 ,COMPLETED", "某种新状态,OTHER", "卖家部分发货,SHIPPED",
			"'买家已签收,货到付款专用',COMPLETED", "'付款以后用户退款成功，交易自动关闭',REFUNDED", "'付款以前，卖家或买家主动关闭交易',CLOSED",
			"'等待买家确认收货,即:卖家已发货',SHIPPED" })
	void readsTheStatusTextsOfEveryPlatform(String text, OrderStatus expected) {
		assertThat(this.vocabulary.canonical(text)).isEqualTo(expected);
	}

	@Test
	void aMappingsOwnStatusesComeFirst() {
		StatusVocabulary own = new StatusVocabulary(Map.of(StatusVocabulary.normalize("已完成"), OrderStatus.PAID));
		assertThat(own.canonical("已完成")).isEqualTo(OrderStatus.PAID);
		assertThat(own.canonical("交易成功")).isEqualTo(OrderStatus.COMPLETED);
	}

}
