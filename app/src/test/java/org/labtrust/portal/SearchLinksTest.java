package org.labtrust.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLinksTest {

	private final SearchLinks search = new SearchLinks("大米 铅", "61", null, "VALID", " ", "name", 3);

	@Test
	void aFacetValueAddsItsFilterKeepsTheOthersAndGoesBackToTheFirstPage() {
		assertThat(search.toggle("field", "00"))
			.isEqualTo("/search?q=%E5%A4%A7%E7%B1%B3%20%E9%93%85&province=61&field=00&status=VALID&sort=name");
	}

	@Test
	void theActiveFacetValueRemovesItsFilter() {
		assertThat(search.isActive("province", "61")).isTrue();
		assertThat(search.toggle("province", "61"))
			.isEqualTo("/search?q=%E5%A4%A7%E7%B1%B3%20%E9%93%85&status=VALID&sort=name");
		assertThat(search.toggle("province", "44")).contains("province=44").doesNotContain("province=61");
	}

	@Test
	void clearingTheFiltersKeepsTheTextAndTheOrder() {
		assertThat(search.hasFilters()).isTrue();
		assertThat(search.withoutFilters()).isEqualTo("/search?q=%E5%A4%A7%E7%B1%B3%20%E9%93%85&sort=name");
		assertThat(new SearchLinks("x", null, null, null, "", null, null).hasFilters()).isFalse();
	}

	@Test
	void pagingKeepsEverythingAndTheFirstPageHasNoPageParameter() {
		assertThat(search.page(4)).endsWith("&sort=name&page=4");
		assertThat(search.page(0)).endsWith("&sort=name");
	}

	@Test
	void relevanceIsTheDefaultOrderAndIsLeftOutOfLinks() {
		assertThat(search.isSortedBy("name")).isTrue();
		assertThat(search.isSortedBy("relevance")).isFalse();
		assertThat(search.sortedBy("relevance")).doesNotContain("sort=");
		assertThat(new SearchLinks(null, null, null, null, null, null, null).isSortedBy("relevance")).isTrue();
	}

	@Test
	void valuesThatNeedEscapingAreEncoded() {
		assertThat(new SearchLinks("a&b=c+d#", null, null, null, null, null, null).url())
			.isEqualTo("/search?q=a%26b%3Dc%2Bd%23");
	}
}
