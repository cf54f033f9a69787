/**
 * The one door to libphonenumber-js (full "max" metadata) for the node code: the names the
 * nodes use, and nothing else.
 *
 * The package ships with no runtime dependency (n8n's verification rejects them), so the
 * build replaces the compiled dist/nodes/common/input/phoneLibrary.js with an esbuild bundle
 * of exactly these exports, tree-shaken from libphonenumber-js's ES modules, with the
 * library's MIT licence beside it (gulpfile.js, bundlePhoneLibrary). Tests and type-checks
 * run this file as written, against the devDependency.
 */
export type { CountryCode } from 'libphonenumber-js/max';
export {
	getCountries,
	getCountryCallingCode,
	isSupportedCountry,
	parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
