package i18n

// Chinese texts of messages_data.go.
var dataZH = map[ID]string{
	DataGzipTruncated: "gzip 数据在第 %[1]s 行提前结束：文件不完整（下载或复制中断？）",
	DataGzipCorrupt:   "gzip 数据已损坏（未通过 gzip 自身的校验）：文件已损坏",
	DataNotGzip:       "文件名以 .gz 结尾，但内容不是 gzip 数据：请用 gzip 压缩，或若是纯文本则去掉文件名中的 .gz",
	DataDuplicateCol:  "表头中列名 %[1]q 出现了两次（第 %[2]d 列和第 %[3]d 列），无法判断哪一列是标签：请重命名其中一列",
}
