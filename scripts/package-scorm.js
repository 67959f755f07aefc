// Builds a SCORM 1.2 package of the course, or of chosen lessons, for a learning platform (LMS):
//   npm run package:scorm                          # every lesson
//   npm run package:scorm -- client-and-server http  # these lessons, in this order
// → build-scorm/request-flow-scorm.zip
//
// The site is built with relative paths (RELATIVE_PATHS=1), so it runs from whatever folder the
// LMS unpacks it into. The package's launch page (scripts/scorm/launch.html) shows each lesson
// through the lesson embed with the simulation in the page (`simulation=in-page`: an LMS serves
// content from its own paths, where no service worker of ours can be registered), and reports to
// the LMS through the SCORM 1.2 API when it finds one: the lesson status and a score (the share of
// challenges passed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const out = 'build-scorm';
const site = join(out, 'site');
const chosen = process.argv.slice(2);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('npx', ['vite', 'build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		BASE_PATH: '',
		RELATIVE_PATHS: '1',
		BUILD_DIR: site,
		KIT_OUT_DIR: '.svelte-kit-scorm'
	}
});

// The lessons, in course order, from the JSON the build wrote for the lesson embed.
const lessonDir = join(site, 'embed', 'lessons');
const all = readdirSync(lessonDir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join(lessonDir, f), 'utf8')))
	.sort((a, b) => a.position - b.position)
	.map(({ lesson }) => ({
		slug: lesson.slug,
		title: lesson.title,
		steps: lesson.parts.length,
		challenges: lesson.parts.flatMap((p) => p.steps).filter((s) => s.type === 'challenge').length
	}));
const unknown = chosen.filter((slug) => !all.some((l) => l.slug === slug));
if (unknown.length) {
	console.error(
		`No lesson named ${unknown.join(', ')}. Lessons: ${all.map((l) => l.slug).join(', ')}`
	);
	process.exit(1);
}
const lessons = chosen.length ? chosen.map((slug) => all.find((l) => l.slug === slug)) : all;

// The placeholder may carry a space after the comment (Prettier formats the launch page).
const template = readFileSync('scripts/scorm/launch.html', 'utf8');
const placeholder = /\/\*LESSONS\*\/\s*\[\]/;
if (!placeholder.test(template)) {
	console.error('scripts/scorm/launch.html: the /*LESSONS*/[] placeholder is missing.');
	process.exit(1);
}
const launch = template.replace(placeholder, () => JSON.stringify(lessons));
writeFileSync(join(site, 'scorm-launch.html'), launch);

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}
const paths = files(site).map((path) => relative(site, path).split(sep).join('/'));
const escape = (text) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const title =
	lessons.length === 1 ? lessons[0].title : 'Request Flow: how a web request is answered';
const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="request-flow-scorm" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="request-flow">
    <organization identifier="request-flow">
      <title>${escape(title)}</title>
      <item identifier="course" identifierref="sco" isvisible="true">
        <title>${escape(title)}</title>
        <adlcp:masteryscore>100</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="scorm-launch.html">
${paths.map((p) => `      <file href="${escape(p)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
writeFileSync(join(site, 'imsmanifest.xml'), manifest);

const entries = {};
for (const path of [...paths, 'imsmanifest.xml'])
	entries[path] = readFileSync(join(site, ...path.split('/')));
const zip = zipSync(entries, { level: 9 });
writeFileSync(join(out, 'request-flow-scorm.zip'), zip);
console.log(
	`SCORM 1.2 package: ${join(out, 'request-flow-scorm.zip')} (${(zip.length / 1024 / 1024).toFixed(1)} MB, ` +
		`${paths.length + 1} files, lessons: ${lessons.map((l) => l.slug).join(', ')})`
);
