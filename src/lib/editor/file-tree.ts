/** The project's paths as a folder tree, folders first, for the editor's file list. */
export interface TreeFolder {
	name: string;
	folders: TreeFolder[];
	files: { name: string; path: string }[];
}

export function buildTree(paths: readonly string[]): TreeFolder {
	const root: TreeFolder = { name: '', folders: [], files: [] };
	for (const path of paths) {
		const parts = path.split('/');
		let folder = root;
		for (const part of parts.slice(0, -1)) {
			let next = folder.folders.find((f) => f.name === part);
			if (!next) {
				next = { name: part, folders: [], files: [] };
				folder.folders.push(next);
			}
			folder = next;
		}
		folder.files.push({ name: parts[parts.length - 1], path });
	}
	const sort = (f: TreeFolder) => {
		f.folders.sort((a, b) => a.name.localeCompare(b.name));
		f.files.sort((a, b) => a.name.localeCompare(b.name));
		f.folders.forEach(sort);
	};
	sort(root);
	return root;
}
