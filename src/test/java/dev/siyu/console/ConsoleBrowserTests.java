package dev.siyu.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.siyu.ingest.Imports;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tags.Tag;
import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagKind;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenants;
import dev.siyu.tenant.Users;
import dev.siyu.testing.IntegrationTest;
import dev.siyu.value.CustomerScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium: signing in, the overview's charts drawn, the
 * language switch, finding a customer and the 360 page, an import followed live.
 * Screenshots of the main pages go to target/screenshots.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

	/** Counts the pixels a chart's canvas painted. */
	private static final String PAINTED = """
			const canvas = document.querySelector(arguments[0] + ' canvas');
			if (!canvas) return -1;
			const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			let painted = 0;
			for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) painted++; }
			return painted;""";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerScores scores;

	@Autowired
	TagCatalog catalog;

	ConsoleFixture brand;

	Browser browser;

	@BeforeAll
	void openBrowser() {
		Browser.assumeInstalled();
		this.brand = ConsoleFixture.brand(this.tenants, this.users, this.imports, 300);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from tenant_overview where tenant_id = ?")
				.param(this.brand.tenant.value())
				.query(Long.class)
				.single() == 1);
		this.browser = Browser.open(this.port);
		this.browser.signIn(this.brand.user(Role.OPERATOR), ConsoleFixture.PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void signingInOpensTheOverviewInChineseWithItsChartsDrawn() {
		this.browser.go("/?lang=zh_CN");
		assertThat(this.browser.text("h1")).isEqualTo("私域概览");
		assertThat(this.browser.text("#kpi-reach .label")).isEqualTo("触达");
		for (String chart : List.of("#chart-trend", "#chart-platforms")) {
			this.browser.awaitElement(chart + " canvas");
			long painted = ((Number) this.browser.script(PAINTED, chart)).longValue();
			assertThat(painted).as(chart + " painted pixels").isGreaterThan(2_000);
		}
		this.browser.screenshot("overview");
	}

	@Test
	void theLanguageSwitchesToEnglishAndBack() {
		this.browser.go("/customers");
		this.browser.find("#lang-en").click();
		this.browser.await(driver -> this.browser.text("#nav-customers").equals("Customers"));
		assertThat(this.browser.text("h1")).isEqualTo("Customers");
		this.browser.screenshot("customers-en");
		this.browser.find("#lang-zh").click();
		this.browser.await(driver -> this.browser.text("#nav-customers").equals("客户"));
		assertThat(this.browser.text("h1")).isEqualTo("客户");
	}

	@Test
	void aCustomerIsFoundByTheRevealedPhoneAndShownWholeOnThe360Page() {
		this.browser.go("/customers?lang=zh_CN");
		this.browser.screenshot("customers");
		String phone = null;
		String person = null;
		List<String> people = this.browser.awaitElement("#customer-list")
			.findElements(org.openqa.selenium.By.cssSelector(".person-link"))
			.stream()
			.map(link -> link.getText().substring(1))
			.toList();
		for (String candidate : people) {
			this.browser.go("/customers/" + candidate);
			assertThat(this.browser.has("#timeline")).isTrue();
			this.browser.find("#reveal").click();
			String clear = this.browser.awaitElement("#clear-phone").getText();
			if (clear.matches("1[3-9]\\d{9}")) {
				phone = clear;
				person = candidate;
				break;
			}
		}
		assertThat(phone).as("someone among the latest buyers has a mobile number").isNotNull();
		this.browser.go("/customers/" + person);
		assertThat(this.browser.text("#masked-name")).contains("*");
		assertThat(this.browser.find("#timeline").getText()).contains("¥");
		this.browser.screenshot("customer-360");
		this.browser.go("/customers");
		this.browser.find("#customer-query").sendKeys(phone);
		this.browser.find("#customer-search").click();
		this.browser.awaitElement("#customer-list");
		assertThat(this.browser.find("#customer-list").getText()).contains("#" + person);
	}

	@Test
	void anUploadedExportIsFollowedLiveUntilItsCountsAreIn() throws Exception {
		Path dir = this.brand.files.resolve("upload");
		Manifest manifest = SyntheticBrand.generate(GenerationRequest.of(1500, 99, dir), null);
		List<ManifestFile> taobao = manifest.imports()
			.stream()
			.filter(group -> group.get(0).source().equals("taobao"))
			.findFirst()
			.orElseThrow();
		String files = String.join("\n",
				taobao.stream().map(file -> dir.resolve(file.path()).toAbsolutePath().toString()).toList());
		this.browser.go("/imports");
		new Select(this.browser.find("#source")).selectByValue("taobao");
		this.browser.find("#files").sendKeys(files);
		this.browser.find("#start-import").click();
		this.browser.awaitElement("#progress");
		assertThat(this.browser.path()).matches("/imports/\\d+");
		String first = status();
		this.browser.script("window.sameDocument = true;");
		if (first.equals("running")) {
			this.browser.screenshot("import-running");
		}
		this.browser.await(driver -> !status().equals("running"));
		assertThat(status()).isEqualTo("succeeded");
		assertThat(this.browser.script("return window.sameDocument === true")).as("updated in place by htmx")
			.isEqualTo(true);
		assertThat(Long.parseLong(this.browser.text("#count-imported"))).isPositive();
		assertThat(this.browser.text("#progress-percent")).isEqualTo("100%");
		this.browser.screenshot("import-done");
		this.browser.go("/imports");
		assertThat(this.browser.text("#import-history")).contains("taobao");
		this.browser.screenshot("imports");
	}

	/** The import's status, read in one step: htmx replaces the element every second. */
	private String status() {
		return (String) this.browser.script("return document.getElementById('progress').dataset.status");
	}

	@Test
	void aFileThatIsNotAnExportIsRefusedSayingWhatItLacks() throws Exception {
		Path notAnExport = java.nio.file.Files.writeString(this.brand.files.resolve("notes.csv"),
				"日期,备注\n2025-01-01,hello\n");
		this.browser.go("/imports?lang=zh_CN");
		new Select(this.browser.find("#source")).selectByValue("jd");
		this.browser.find("#files").sendKeys(notAnExport.toAbsolutePath().toString());
		this.browser.find("#start-import").click();
		String error = this.browser.awaitElement("#import-error").getText();
		assertThat(error).contains("文件未导入", "notes.csv", "lacks");
		assertThat(this.browser.path()).startsWith("/imports");
	}

	@Test
	void theAudienceCountFollowsTheExpressionAsItIsTyped() {
		this.browser.go("/audiences?lang=en");
		this.browser.find("#expression").sendKeys("orders.count(all) >= 1");
		long everyone = Long.parseLong(this.browser.awaitElement("#count-value").getText().replace(",", ""));
		assertThat(everyone).isPositive();
		this.browser.find("#expression").sendKeys("0");
		this.browser.await(driver -> this.browser.has("#count-value")
				&& Long.parseLong(this.browser.text("#count-value").replace(",", "")) < everyone);
		this.browser.find("#expression").sendKeys(" and (");
		assertThat(this.browser.awaitElement("#count-error").getText()).contains("at column");
		this.browser.screenshot("audiences");
	}

	@Test
	void theValuePageDrawsEveryChart() {
		this.scores.refresh(this.brand.tenant);
		this.browser.go("/value?lang=zh_CN");
		assertThat(this.browser.text("h1")).isEqualTo("客户价值分析");
		for (String chart : List.of("#chart-rfm", "#chart-grid", "#chart-stages", "#chart-cohorts", "#chart-clv",
				"#chart-cycles")) {
			this.browser.awaitElement(chart + " canvas");
			long painted = ((Number) this.browser.script(PAINTED, chart)).longValue();
			assertThat(painted).as(chart + " painted pixels").isGreaterThan(2_000);
		}
		this.browser.screenshot("value");
	}

	@Test
	void aManualTagAddedOnThe360PageShowsWhoAddedIt() {
		Tag tag = this.catalog.create(this.brand.tenant.value(),
				new TagCatalog.TagDefinition(null, "门店体验官", null, "test", TagKind.MANUAL, null, null), "test");
		long person = this.jdbc.sql("select min(id) from person where tenant_id = ? and merged_into is null")
			.param(this.brand.tenant.value())
			.query(Long.class)
			.single();
		this.browser.go("/customers/" + person + "?lang=zh_CN");
		new Select(this.browser.find("#add-tag-choice")).selectByValue(String.valueOf(tag.id()));
		this.browser.find("#add-tag-button").click();

		this.browser.awaitElement("#person-tag-" + tag.id());
		assertThat(this.browser.text("#person-tag-" + tag.id())).contains("门店体验官", this.brand.user(Role.OPERATOR));
		assertThat(this.browser.text("#tag-history")).contains("门店体验官", "添加");
		this.browser.screenshot("customer-tags");
	}

	@Test
	void anAssignmentRuleIsCreatedFromTheWeComPages() {
		this.browser.go("/channels/wecom?lang=zh_CN");
		this.browser.find("#assignment-link").click();
		this.browser.awaitElement("#new-rule");
		new Select(this.browser.find("#new-rule-kind")).selectByValue("round_robin");
		this.browser.find("#new-rule-users").sendKeys("guide-1, guide-2");
		this.browser.find("#add-rule").click();

		this.browser.awaitElement("#rule-0");
		assertThat(this.browser.find("#rule-form-0 input[name=userIds]").getAttribute("value"))
			.isEqualTo("guide-1, guide-2");
		this.browser.screenshot("assignment-rules");
	}

	@Test
	void theAudiencePreviewListsTheFirstMembersWithAnExportLink() {
		this.browser.go("/audiences?lang=zh_CN");
		this.browser.find("#expression").sendKeys("orders.count(all) >= 2");
		this.browser.find("#preview").click();
		long count = Long.parseLong(this.browser.awaitElement("#preview-count").getText());
		assertThat(count).isPositive();
		assertThat(this.browser.find("#preview-rows").findElements(org.openqa.selenium.By.cssSelector("tbody tr")))
			.hasSize((int) Math.min(count, 20));
		assertThat(this.browser.has("#export-link")).isTrue();
		this.browser.screenshot("audience-preview");
	}

	@Test
	void theTagWeComAndReviewPagesOpenFromTheNavigation() {
		this.browser.go("/?lang=zh_CN");
		this.browser.find("#nav-tags").click();
		this.browser.await(driver -> this.browser.text("h1").equals("标签目录"));
		this.browser.screenshot("tags");
		this.browser.find("#nav-wecom").click();
		this.browser.await(driver -> this.browser.text("h1").equals("企业微信渠道"));
		assertThat(this.browser.has("#wecom-status")).isTrue();
		this.browser.screenshot("wecom");
		this.browser.find("#nav-reviews").click();
		this.browser.await(driver -> this.browser.text("h1").equals("身份合并审核"));
		this.browser.screenshot("identity-reviews");
	}

	@Test
	void theOwnerSeesSettingsWithTheAuditLog() {
		try (Browser owner = Browser.open(this.port)) {
			owner.signIn(this.brand.user(Role.OWNER), ConsoleFixture.PASSWORD);
			owner.go("/settings");
			assertThat(owner.has("#members")).isTrue();
			assertThat(owner.has("#audit-log")).isTrue();
			owner.screenshot("settings");
		}
	}

}
