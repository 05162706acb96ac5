"""Payment-provider simulators (WeChat Pay v2 micropay, Alipay 当面付) speaking the real protocols."""
