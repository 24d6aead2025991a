package org.labtrust.portal;

import java.util.Locale;

import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.BodySearchResult;
import org.labtrust.registry.RegistryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search results with facets to narrow them, a choice of order and paging. */
@Controller
class SearchPageController {

	private final RegistryQueries queries;

	SearchPageController(RegistryQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String province,
			@RequestParam(required = false) String field, @RequestParam(required = false) String status,
			@RequestParam(required = false) String authority, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, Locale locale, Model model) {
		BodySearchQuery query = BodySearchQuery.parse(q, province, field, status, authority, null, sort, page, null,
				queries.codes());
		BodySearchResult result = queries.search(query, locale);
		model.addAttribute("search", new SearchLinks(q, province, field, status, authority, sort, query.page()));
		model.addAttribute("result", result);
		model.addAttribute("paging", Paging.of(result));
		return "portal/search";
	}

	/**
	 * Where a result list stands: pages are zero-based in links and counted from one on screen, and
	 * only the first {@link BodySearchQuery#MAX_WINDOW} hits can be paged through.
	 */
	record Paging(int page, int pages, boolean hasPrevious, boolean hasNext) {

		static Paging of(BodySearchResult result) {
			long reachable = Math.min(result.total(), BodySearchQuery.MAX_WINDOW);
			int pages = (int) Math.max(1, (reachable + result.size() - 1) / result.size());
			return new Paging(result.page(), pages, result.page() > 0, result.page() + 1 < pages);
		}
	}
}
