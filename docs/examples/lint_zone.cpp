// lint_zone.cpp - lint one zone with libzonelint from C++ and print its
// findings, as JSON (zl_format) or one line each.
//
//   c++ lint_zone.cpp $(pkg-config --cflags --libs zonelint) -o lint_zone_cpp
//   ./lint_zone_cpp [--json] [ZONE-FILE]
//
// Exit status: 0 no error-level finding, 1 findings, 2 failure.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include <zonelint/zonelint.h>

namespace {

// Owners for the library's objects: each is freed by its own function.
struct ruleset_free {
	void operator()(zl_ruleset *rs) const { zl_ruleset_free(rs); }
};
struct zone_free {
	void operator()(zl_zone *z) const { zl_zone_free(z); }
};
using ruleset_ptr = std::unique_ptr<zl_ruleset, ruleset_free>;
using zone_ptr = std::unique_ptr<zl_zone, zone_free>;

// A zl_diags list that frees itself.
struct diags {
	zl_diags d;
	diags() { zl_diags_init(&d); }
	~diags() { zl_diags_free(&d); }
	diags(const diags &) = delete;
	diags &operator=(const diags &) = delete;
};

struct lint_error : std::runtime_error {
	using std::runtime_error::runtime_error;
};

void check(zl_status st, const std::string &what, char *msg = nullptr)
{
	if (st == ZL_OK)
		return;
	std::string text = what + ": " + (msg ? msg : zl_status_str(st));
	std::free(msg);
	throw lint_error(text);
}

const std::string example_zone =
	"$ORIGIN example.net.\n"
	"$TTL 3600\n"
	"@    IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
	"@    IN NS  ns1\n"
	"ns1  IN A   192.0.2.1\n"
	"@    IN MX  0 .\n"
	"@    IN MX  10 mail\n"
	"mail IN CNAME ns1\n";

} // namespace

int main(int argc, char **argv)
{
	bool json = argc > 1 && std::string(argv[1]) == "--json";
	const char *path = argc > 1 + json ? argv[1 + json] : nullptr;

	try {
		ruleset_ptr rs(zl_ruleset_new());
		if (!rs)
			check(ZL_ERR_NOMEM, "rules");
		diags errs, out;
		check(zl_ruleset_load_builtin(rs.get(), &errs.d), "rules");

		zl_zone *raw = nullptr;
		char *msg = nullptr;
		zl_status st = path
			? zl_zone_load_file(path, nullptr, &raw, &msg)
			: zl_zone_load_buffer("example.net.zone",
					      example_zone.data(),
					      example_zone.size(), nullptr,
					      &raw, &msg);
		zone_ptr z(raw);
		check(st, path ? path : "zone", msg);
		check(zl_lint(rs.get(), z.get(), &out.d), "lint");
		zl_diags_sort(&out.d);

		if (json) {
			zl_format_opts fo = { false, false, rs.get() };
			check(zl_format(ZL_FMT_JSON, &out.d, &fo, stdout),
			      "output");
		} else {
			for (size_t i = 0; i < out.d.n; i++) {
				const zl_diag &d = out.d.v[i];
				std::cout << (d.loc.file ? d.loc.file : "-")
					  << ':' << d.loc.line << ':'
					  << d.loc.col << ": "
					  << zl_severity_str(d.sev) << ": "
					  << d.message << " ["
					  << (d.id ? d.id : "-") << "]\n";
			}
		}
		return zl_diags_count(&out.d, ZL_SEV_ERROR) > 0;
	} catch (const lint_error &e) {
		std::cerr << "lint_zone_cpp: " << e.what() << '\n';
		return 2;
	}
}
